import { iamMetadataModels, iamTagsQuery } from './common';
import { enumModel, field, objectModel, path, property, query, type SectionDef } from './define';

const serviceName = path('serviceName', 'The internal name of your dedicated server');

/**
 * Written in the legacy form of `iamActions` (a list of names, every one required), as schemas older than
 * mid-2023 still are (OVH.md): the explorer must read both.
 */
export const dedicatedServerSection: SectionDef = {
  branch: 'v1',
  path: '/dedicated/server',
  description: 'Dedicated servers',
  legacyIamActions: true,
  operations: [
    {
      method: 'GET',
      path: '/dedicated/server',
      description: 'List available services',
      params: [iamTagsQuery],
      response: 'string[]',
      iam: ['dedicatedServer:apiovh:get'],
    },
    {
      method: 'GET',
      path: '/dedicated/server/{serviceName}',
      description: 'Get this object properties',
      params: [serviceName],
      response: 'dedicated.server.DedicatedWithIAM',
      iam: ['dedicatedServer:apiovh:get'],
    },
    {
      method: 'POST',
      path: '/dedicated/server/{serviceName}/reboot',
      description: 'Hard reboot this server',
      params: [serviceName],
      response: 'dedicated.server.Task',
      iam: ['dedicatedServer:apiovh:reboot'],
    },
    {
      method: 'GET',
      path: '/dedicated/server/{serviceName}/task',
      description: 'Dedicated server todos',
      params: [
        serviceName,
        query('function', 'dedicated.TaskFunctionEnum', 'Filter the value of function property (=)'),
        query('status', 'dedicated.TaskStatusEnum', 'Filter the value of status property (=)'),
      ],
      response: 'long[]',
      iam: ['dedicatedServer:apiovh:task/get'],
    },
    {
      method: 'GET',
      path: '/dedicated/server/{serviceName}/task/{taskId}',
      description: 'Get this object properties',
      params: [serviceName, path('taskId', 'the id of the task', 'long')],
      response: 'dedicated.server.Task',
      iam: ['dedicatedServer:apiovh:task/get'],
    },
    {
      method: 'POST',
      path: '/dedicated/server/{serviceName}/install/start',
      description: 'Start an install',
      params: [
        serviceName,
        field('templateName', 'string', 'Template name'),
        field('partitionSchemeName', 'string', 'Partition scheme name', false),
        field('details', 'dedicated.server.InstallCustom', 'Parameters for default install', false),
      ],
      response: 'dedicated.server.Task',
      iam: ['dedicatedServer:apiovh:install/start'],
    },
  ],
  models: {
    ...iamMetadataModels,
    'dedicated.server.DedicatedWithIAM': objectModel(
      'dedicated.server.DedicatedWithIAM',
      'Server informations',
      {
        name: property('string', 'Dedicated server name'),
        serverId: property('long', 'Your dedicated server identifier'),
        datacenter: property('dedicated.DatacenterEnum', 'Datacenter localisation'),
        ip: property('ipv4', 'Main IP'),
        os: property('string', 'Operating system', { readOnly: false }),
        state: property('dedicated.server.StateEnum', 'Error status'),
        commercialRange: property('string', 'Dedicated server commercial range', { canBeNull: true }),
        iam: property('iam.ResourceMetadata', 'IAM resource metadata', { canBeNull: true }),
      },
    ),
    'dedicated.DatacenterEnum': enumModel('dedicated.DatacenterEnum', 'Datacenters', [
      'bhs1',
      'gra1',
      'gra2',
      'rbx1',
      'sbg1',
    ]),
    'dedicated.server.StateEnum': enumModel('dedicated.server.StateEnum', 'Server states', [
      'error',
      'hacked',
      'hackedBlocked',
      'ok',
    ]),
    'dedicated.TaskFunctionEnum': enumModel('dedicated.TaskFunctionEnum', 'Task functions', [
      'hardReboot',
      'reinstallServer',
      'addVirtualMac',
    ]),
    'dedicated.TaskStatusEnum': enumModel('dedicated.TaskStatusEnum', 'Task statuses', [
      'cancelled',
      'customerError',
      'doing',
      'done',
      'init',
      'ovhError',
      'todo',
    ]),
    'dedicated.server.Task': objectModel('dedicated.server.Task', 'Server tasks', {
      taskId: property('long', 'The id of the task'),
      function: property('dedicated.TaskFunctionEnum', 'Function name'),
      status: property('dedicated.TaskStatusEnum', 'Task status'),
      startDate: property('datetime', 'Task creation date'),
      doneDate: property('datetime', 'Completion date', { canBeNull: true }),
      comment: property('string', 'Details of this task', { canBeNull: true }),
    }),
    'dedicated.server.InstallCustom': objectModel(
      'dedicated.server.InstallCustom',
      'A structure describing input questions for the installation',
      {
        customHostname: property('string', 'Set up the server using the provided hostname', {
          readOnly: false,
          canBeNull: true,
        }),
        sshKeyName: property('string', 'Name of the ssh key that should be installed', {
          readOnly: false,
          canBeNull: true,
        }),
      },
    ),
  },
};
