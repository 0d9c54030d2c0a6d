import { iamMetadataModels, iamTagsQuery } from './common';
import { body, enumModel, objectModel, path, property, query, type SectionDef } from './define';

const serviceName = path('serviceName', 'The internal name of your domain');
const zoneName = path('zoneName', 'The internal name of your zone');

/** Domains and their DNS zones: two resource types (`domain`, `dnsZone`) in one section, as on OVH. */
export const domainSection: SectionDef = {
  branch: 'v1',
  path: '/domain',
  description: 'Domain names and DNS zones',
  operations: [
    {
      method: 'GET',
      path: '/domain',
      description: 'List available services',
      params: [iamTagsQuery, query('whoisOwner', 'string', 'Filter the value of whoisOwner property (=)')],
      response: 'string[]',
      iam: ['domain:apiovh:get'],
    },
    {
      method: 'GET',
      path: '/domain/{serviceName}',
      description: 'Retrieve domain name service details',
      params: [serviceName],
      response: 'domain.DomainServiceWithIAM',
      iam: ['domain:apiovh:get'],
    },
    {
      method: 'GET',
      path: '/domain/zone',
      description: 'List available services',
      params: [iamTagsQuery],
      response: 'string[]',
      iam: ['dnsZone:apiovh:get'],
    },
    {
      method: 'GET',
      path: '/domain/zone/{zoneName}',
      description: 'Get this object properties',
      params: [zoneName],
      response: 'domain.ZoneWithIAM',
      iam: ['dnsZone:apiovh:get'],
    },
    {
      method: 'GET',
      path: '/domain/zone/{zoneName}/record',
      description: 'Records of the zone',
      params: [
        zoneName,
        query('fieldType', 'domain.zone.RecordTypeEnum', 'Filter the value of fieldType property (like)'),
        query('subDomain', 'string', 'Filter the value of subDomain property (like)'),
      ],
      response: 'long[]',
      iam: ['dnsZone:apiovh:record/get'],
    },
    {
      method: 'POST',
      path: '/domain/zone/{zoneName}/record',
      description: "Create a new DNS record (Don't forget to refresh the zone)",
      params: [zoneName, body('domain.zone.RecordCreate')],
      response: 'domain.zone.Record',
      iam: ['dnsZone:apiovh:record/create'],
    },
    {
      method: 'GET',
      path: '/domain/zone/{zoneName}/record/{id}',
      description: 'Get this object properties',
      params: [zoneName, path('id', 'Id of the object', 'long')],
      response: 'domain.zone.Record',
      iam: ['dnsZone:apiovh:record/get'],
    },
    {
      method: 'DELETE',
      path: '/domain/zone/{zoneName}/record/{id}',
      description: "Delete a DNS record (Don't forget to refresh the zone)",
      params: [zoneName, path('id', 'Id of the object', 'long')],
      response: 'void',
      iam: ['dnsZone:apiovh:record/delete'],
    },
  ],
  models: {
    ...iamMetadataModels,
    'domain.DomainServiceWithIAM': objectModel(
      'domain.DomainServiceWithIAM',
      'General information about a domain name service',
      {
        domain: property('string', 'Domain name'),
        expirationDate: property('datetime', 'Date when the domain name will expire, if not renewed'),
        nameServerType: property('domain.nameServer.NameServerTypeEnum', 'Name servers type'),
        state: property('domain.DomainStateEnum', 'Domain state'),
        transferLockStatus: property('domain.DomainLockStatusEnum', 'Transfer lock status'),
        iam: property('iam.ResourceMetadata', 'IAM resource metadata', { canBeNull: true }),
      },
    ),
    'domain.nameServer.NameServerTypeEnum': enumModel(
      'domain.nameServer.NameServerTypeEnum',
      'Name servers types',
      ['external', 'hosted'],
    ),
    'domain.DomainStateEnum': enumModel('domain.DomainStateEnum', 'Domain states', [
      'dispute',
      'expired',
      'ok',
      'pendingCreate',
      'pendingDelete',
    ]),
    'domain.DomainLockStatusEnum': enumModel('domain.DomainLockStatusEnum', 'Lock statuses', [
      'locked',
      'locking',
      'unavailable',
      'unlocked',
      'unlocking',
    ]),
    'domain.ZoneWithIAM': objectModel('domain.ZoneWithIAM', 'Zone dns Management', {
      name: property('string', 'Zone name'),
      dnssecSupported: property('boolean', 'Is DNSSEC supported by this zone'),
      hasDnsAnycast: property('boolean', 'hasDnsAnycast flag of the DNS zone'),
      nameServers: property('string[]', 'Name servers that host the DNS zone'),
      lastUpdate: property('datetime', 'Last update date of the DNS zone'),
      iam: property('iam.ResourceMetadata', 'IAM resource metadata', { canBeNull: true }),
    }),
    'domain.zone.RecordTypeEnum': enumModel('domain.zone.RecordTypeEnum', 'Resource record fieldType', [
      'A',
      'AAAA',
      'CAA',
      'CNAME',
      'MX',
      'NS',
      'SRV',
      'TXT',
    ]),
    'domain.zone.Record': objectModel('domain.zone.Record', 'Zone resource records', {
      id: property('long', 'Id of the zone resource record'),
      zone: property('string', 'Zone of the resource record'),
      fieldType: property('domain.zone.RecordTypeEnum', 'Resource record Name'),
      subDomain: property('string', 'Resource record subdomain', { canBeNull: true, readOnly: false }),
      target: property('string', 'Resource record target', { readOnly: false }),
      ttl: property('long', 'Resource record ttl', { canBeNull: true, readOnly: false }),
    }),
    'domain.zone.RecordCreate': objectModel(
      'domain.zone.RecordCreate',
      'Zone resource record creation payload',
      {
        fieldType: property('domain.zone.RecordTypeEnum', 'Resource record type', {
          readOnly: false,
          required: true,
        }),
        subDomain: property('string', 'Resource record subdomain', { readOnly: false, canBeNull: true }),
        target: property('string', 'Resource record target', { readOnly: false, required: true }),
        ttl: property('long', 'Resource record ttl', { readOnly: false, canBeNull: true }),
      },
    ),
  },
};
