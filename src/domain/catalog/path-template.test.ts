import { describe, expect, it } from 'vitest';
import { fillPath, matchPath, pathParameterNames } from './path-template';

describe('path templates', () => {
  it('names the parameters in path order', () => {
    expect(pathParameterNames('/hosting/web/{serviceName}/attachedDomain/{domain}')).toEqual([
      'serviceName',
      'domain',
    ]);
  });

  it('matches a concrete path and decodes each parameter', () => {
    expect(
      matchPath('/hosting/web/{serviceName}', '/hosting/web/xxxxxxx.cluster001.hosting.ovh.net'),
    ).toEqual({
      serviceName: 'xxxxxxx.cluster001.hosting.ovh.net',
    });
    expect(
      matchPath('/iam/resource/{resourceURN}', '/iam/resource/urn%3Av1%3Aeu%3Aresource%3Avps%3Aa'),
    ).toEqual({
      resourceURN: 'urn:v1:eu:resource:vps:a',
    });
  });

  it('refuses paths of another shape, empty parameters and bad escapes', () => {
    expect(matchPath('/hosting/web/{serviceName}', '/hosting/web')).toBeUndefined();
    expect(matchPath('/hosting/web/{serviceName}', '/hosting/web/')).toBeUndefined();
    expect(matchPath('/hosting/web/{serviceName}', '/hosting/mail/x')).toBeUndefined();
    expect(matchPath('/hosting/web/{serviceName}', '/hosting/web/%E0%A4%A')).toBeUndefined();
  });

  it('fills a template, keeping each value in one segment', () => {
    expect(fillPath('/iam/resource/{resourceURN}/tag', { resourceURN: 'urn:v1:eu:resource:a/b' })).toBe(
      '/iam/resource/urn%3Av1%3Aeu%3Aresource%3Aa%2Fb/tag',
    );
    expect(fillPath('/hosting/web/{serviceName}', { serviceName: '../me' })).toBe('/hosting/web/..%2Fme');
    expect(fillPath('/hosting/web/{serviceName}', {})).toBe('/hosting/web/{serviceName}');
  });
});
