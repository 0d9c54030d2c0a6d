/** IAM v2 policy, in OVH's wire shape (GET /v2/iam/policy). */

export type PolicyAction = { action: string };

export type ConditionOperator = 'AND' | 'OR' | 'NOT' | 'MATCH';

export type Condition = {
  operator: ConditionOperator;
  values?: Record<string, string> | null;
  conditions?: Condition[] | null;
};

export type Permissions = {
  allow?: PolicyAction[] | null;
  except?: PolicyAction[] | null;
  deny?: PolicyAction[] | null;
};

export type Policy = {
  id: string;
  name: string;
  description?: string | null;
  identities: string[];
  resources: { urn: string }[];
  permissions: Permissions;
  permissionsGroups?: { urn: string }[] | null;
  conditions?: Condition | null;
  expiredAt?: string | null;
  readOnly?: boolean;
  /** the account that owns the policy; it only ever applies to that account's resources */
  owner?: string;
  createdAt?: string;
  updatedAt?: string | null;
};

/** What a caller sends to create or replace a policy (POST/PUT /v2/iam/policy). */
export type PolicyInput = Pick<
  Policy,
  | 'name'
  | 'description'
  | 'identities'
  | 'resources'
  | 'permissions'
  | 'permissionsGroups'
  | 'conditions'
  | 'expiredAt'
>;
