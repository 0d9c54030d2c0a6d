import { enumModel, objectModel, property, query } from './define';

/** Models that OVH repeats in every section whose resources carry IAM metadata. */
export const iamMetadataModels = {
  'iam.ResourceMetadata': objectModel(
    'iam.ResourceMetadata',
    'IAM resource metadata embedded in services models',
    {
      displayName: property('string', 'Resource display name', { canBeNull: true }),
      id: property('uuid', 'Unique identifier of the resource'),
      tags: property(
        'map[string]string',
        'Resource tags. Tags that were internally computed are prefixed with ovh:',
        { canBeNull: true },
      ),
      urn: property('string', 'Unique resource name used in policies'),
    },
  ),
  'iam.resource.TagFilter': objectModel('iam.resource.TagFilter', 'Resource tag filter', {
    operator: property(
      'iam.resource.TagFilter.OperatorEnum',
      'Operator to use in order to filter on the value (defaults to EQ)',
      { canBeNull: true, readOnly: false },
    ),
    value: property('string', 'Value to use in order to filter tags', { readOnly: false }),
  }),
  'iam.resource.TagFilter.OperatorEnum': enumModel(
    'iam.resource.TagFilter.OperatorEnum',
    'Operator that can be used in order to filter resources tags',
    ['EQ', 'EXISTS', 'ILIKE', 'LIKE', 'NEQ', 'NEXISTS'],
  ),
};

export const iamTagsQuery = query(
  'iamTags',
  'map[string][]iam.resource.TagFilter',
  'Filter resources on IAM tags',
);
