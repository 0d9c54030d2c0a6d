/** The explorer's model of OVH's API catalogue, parsed from OVH's native schema format (OVH.md). */

/** v1 is served under `/1.0` (alias `/v1`), v2 under `/v2`. */
export type Branch = 'v1' | 'v2';

export const BRANCH_PREFIX: Record<Branch, string> = { v1: '1.0', v2: 'v2' };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export type ApiStatusValue = 'PRODUCTION' | 'BETA' | 'ALPHA' | 'DEPRECATED';

export type ApiStatus = {
  value: ApiStatusValue;
  description?: string;
  deprecatedDate?: string;
  deletionDate?: string;
  replacement?: string;
};

export type IamAction = {
  name: string;
  /** required:false actions never cause a 403; missing them only hides items from a list */
  required: boolean;
  description?: string;
};

export type ParamLocation = 'path' | 'query' | 'body' | 'header';

export type Parameter = {
  /** empty for the body parameter that is the whole JSON body */
  name: string;
  in: ParamLocation;
  dataType: string;
  fullType?: string;
  required: boolean;
  description?: string;
};

export type Operation = {
  /** `GET /hosting/web/{serviceName}`: unique within a branch */
  id: string;
  branch: Branch;
  /** the section it belongs to, e.g. `/hosting/web` */
  section: string;
  method: HttpMethod;
  path: string;
  description: string;
  longDescription?: string;
  status: ApiStatus;
  noAuthentication: boolean;
  parameters: Parameter[];
  responseType: string;
  iamActions: IamAction[];
  /** the schema used the legacy string-array form of iamActions */
  legacyIamActions: boolean;
};

export type ModelProperty = {
  type: string;
  fullType?: string;
  canBeNull?: boolean;
  readOnly?: boolean;
  required?: boolean;
  description?: string;
};

export type Model = {
  id: string;
  namespace?: string;
  description?: string;
  properties?: Record<string, ModelProperty>;
  enum?: string[];
  enumType?: string;
  generics?: string[];
};

export type Section = {
  branch: Branch;
  path: string;
  description: string;
  basePath: string;
  operations: Operation[];
  models: Record<string, Model>;
};

/** An entry of the root listing (`GET /1.0/`). */
export type SectionRef = {
  path: string;
  description: string;
};
