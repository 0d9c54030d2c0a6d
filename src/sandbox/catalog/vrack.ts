import { iamMetadataModels, iamTagsQuery } from './common';
import { enumModel, field, objectModel, optional, path, property, query, type SectionDef } from './define';

const serviceName = path('serviceName', 'The internal name of your vrack');

/**
 * vRack: attaching a service needs an action on the vRack and another on the service itself, and listing
 * what may be attached filters on optional actions (OVH.md: "Some operations need several actions").
 */
export const vrackSection: SectionDef = {
  branch: 'v1',
  path: '/vrack',
  description: 'vRack, the private network between your services',
  operations: [
    {
      method: 'GET',
      path: '/vrack',
      description: 'List available services',
      params: [iamTagsQuery],
      response: 'string[]',
      iam: ['vrack:apiovh:get'],
    },
    {
      method: 'GET',
      path: '/vrack/{serviceName}',
      description: 'Get this object properties',
      params: [serviceName],
      response: 'vrack.vrackWithIAM',
      iam: ['vrack:apiovh:get'],
    },
    {
      method: 'GET',
      path: '/vrack/{serviceName}/allowedServices',
      description: 'List all services allowed in this vrack',
      params: [
        serviceName,
        query('serviceFamily', 'vrack.AllowedServiceEnum', 'Filter on a specific service family'),
      ],
      response: 'vrack.AllowedServices',
      iam: [
        'vrack:apiovh:allowedServices/get',
        optional(
          'dedicatedServer:apiovh:vrack/attach',
          'Needed on the Dedicated Server services to be listed in dedicatedServer body entries',
        ),
        optional(
          'publicCloudProject:apiovh:vrack/attach',
          'Needed on the Cloud Project services to be listed in the response body',
        ),
      ],
    },
    {
      method: 'GET',
      path: '/vrack/{serviceName}/dedicatedServer',
      description: 'vrack for dedicated server',
      params: [serviceName],
      response: 'string[]',
      iam: ['vrack:apiovh:dedicatedServer/get'],
    },
    {
      method: 'POST',
      path: '/vrack/{serviceName}/dedicatedServer',
      description: 'Add a dedicated server to this vrack',
      params: [serviceName, field('dedicatedServer', 'string', 'Dedicated server to attach')],
      response: 'vrack.Task',
      iam: ['vrack:apiovh:dedicatedServer/attach', 'dedicatedServer:apiovh:vrack/attach'],
    },
    {
      method: 'GET',
      path: '/vrack/{serviceName}/dedicatedServer/{dedicatedServer}',
      description: 'Get this object properties',
      params: [serviceName, path('dedicatedServer', 'Dedicated Server')],
      response: 'vrack.dedicatedServer',
      iam: ['vrack:apiovh:dedicatedServer/get'],
    },
    {
      method: 'DELETE',
      path: '/vrack/{serviceName}/dedicatedServer/{dedicatedServer}',
      description: 'Remove this server from this vrack',
      params: [serviceName, path('dedicatedServer', 'Dedicated Server')],
      response: 'vrack.Task',
      iam: ['vrack:apiovh:dedicatedServer/detach'],
    },
  ],
  models: {
    ...iamMetadataModels,
    'vrack.vrackWithIAM': objectModel('vrack.vrackWithIAM', 'vRack', {
      name: property('string', 'Name of the vRack', { readOnly: false }),
      description: property('string', 'Description of the vRack', { readOnly: false }),
      iam: property('iam.ResourceMetadata', 'IAM resource metadata', { canBeNull: true }),
    }),
    'vrack.AllowedServiceEnum': enumModel('vrack.AllowedServiceEnum', 'Possible service families', [
      'cloudProject',
      'dedicatedServer',
      'dedicatedServerInterface',
      'ip',
    ]),
    'vrack.AllowedServices': objectModel('vrack.AllowedServices', 'List of services allowed in this vrack', {
      dedicatedServer: property('string[]', 'Dedicated servers that may be attached (those you may attach)', {
        canBeNull: true,
      }),
      cloudProject: property('string[]', 'Public Cloud projects that may be attached', { canBeNull: true }),
    }),
    'vrack.dedicatedServer': objectModel('vrack.dedicatedServer', 'vrack dedicated server interfaces', {
      dedicatedServer: property('string', 'Dedicated Server'),
      vrack: property('string', 'vRack name'),
    }),
    'vrack.Task': objectModel('vrack.Task', 'vrack tasks', {
      id: property('long', 'Task id'),
      function: property('string', 'Task function'),
      status: property('vrack.TaskStatusEnum', 'Task status'),
      targetDomain: property('string', 'Service the task applies to', { canBeNull: true }),
      todoDate: property('datetime', 'Creation date'),
    }),
    'vrack.TaskStatusEnum': enumModel('vrack.TaskStatusEnum', 'Task statuses', [
      'cancelled',
      'doing',
      'done',
      'init',
      'todo',
    ]),
  },
};
