/** The part of OVHcloud's Node.js SDK (`ovh` on npm) the sandbox's tests use; it ships no types. */
declare module 'ovh' {
  type OvhClientOptions = {
    appKey: string;
    appSecret: string;
    consumerKey?: string;
    endpoint?: string;
    host?: string;
    port?: number;
    basePath?: string;
  };
  type OvhClient = {
    requestPromised(method: string, path: string, params?: Record<string, unknown>): Promise<unknown>;
  };
  export default function ovh(options: OvhClientOptions): OvhClient;
}
