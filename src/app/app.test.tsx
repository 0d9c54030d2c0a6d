import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiFromBackend } from '../mocks/api';
import { createServerApp } from '../server/node-entry';
import { renderWithProviders } from '../test/render';
import { App } from './app';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

beforeEach(async () => {
  const { app } = await createServerApp({ env: {} });
  server.use(...apiFromBackend(app.fetch));
});

async function signInWithDemoAccount(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Use demo account' }));
  await user.click(screen.getByRole('button', { name: 'Connect' }));
  await screen.findByRole('region', { name: 'Signed-in identity' });
}

describe('the explorer', () => {
  it('starts on the sandbox region', async () => {
    renderWithProviders(<App />);
    const region = screen.getByRole('combobox', { name: 'Region' });
    expect(await within(region).findByRole('option', { name: /Sandbox/ })).toBeInTheDocument();
    await waitFor(() => expect(region).toHaveValue('sandbox'));
  });

  it("lives the guide's story: sign in, find the action, a call that works, one that is refused and why", async () => {
    const user = userEvent.setup();
    renderWithProviders(<App />);
    await signInWithDemoAccount(user);
    const identity = 'urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f';
    expect(screen.getByRole('region', { name: 'Signed-in identity' })).toHaveTextContent(identity);
    expect(screen.queryByRole('textbox', { name: 'Client secret' })).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search endpoints' }), 'webHosting:apiovh:get');
    await user.click(await screen.findByRole('link', { name: 'GET /hosting/web/{serviceName}' }));
    await user.type(
      screen.getByRole('textbox', { name: 'serviceName' }),
      'xxxxxxx.cluster001.hosting.ovh.net',
    );
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByTestId('response-status')).toHaveTextContent('200');

    await user.clear(screen.getByRole('searchbox', { name: 'Search endpoints' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search endpoints' }), 'account:apiovh:me/get');
    await user.click(await screen.findByRole('link', { name: 'GET /me' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const why = await screen.findByRole('region', { name: 'Why was this call forbidden?' });
    expect(why).toHaveTextContent('account:apiovh:me/get');
    expect(why).toHaveTextContent(identity);
    expect(why).toHaveTextContent('urn:v1:eu:resource:account:xx11111-ovh');
    const policy = JSON.parse((within(why).getByLabelText('Policy JSON') as HTMLTextAreaElement).value);
    expect(policy).toMatchObject({
      identities: [identity],
      resources: [{ urn: 'urn:v1:eu:resource:account:xx11111-ovh' }],
      permissions: { allow: [{ action: 'account:apiovh:me/get' }] },
    });
  });

  it('keeps what the user typed when the credentials are refused, and says why', async () => {
    const user = userEvent.setup();
    renderWithProviders(<App />);
    await user.type(await screen.findByRole('textbox', { name: 'Client ID' }), '0f0f0f0f0f0f0f0f');
    await user.type(screen.getByRole('textbox', { name: 'Client secret' }), 'not-the-secret');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /refused these credentials.*ovhcloud oauth2 client does not exists.*region/,
    );
    expect(screen.getByRole('textbox', { name: 'Client ID' })).toHaveValue('0f0f0f0f0f0f0f0f');
    expect(screen.getByRole('textbox', { name: 'Client secret' })).toHaveValue('not-the-secret');
  });

  it('opens the operation of a deep link', async () => {
    window.history.replaceState(null, '', '/?op=GET+%2Fme');
    renderWithProviders(<App />);
    expect(await screen.findByRole('heading', { level: 2, name: /GET\s*\/me$/ })).toBeInTheDocument();
  });

  it('says when a deep link names an operation that does not exist', async () => {
    window.history.replaceState(null, '', '/?op=GET+%2Fnothing');
    renderWithProviders(<App />);
    expect(await screen.findByRole('heading', { name: 'Operation not found' })).toBeInTheDocument();
  });

  it('switches to the v2 branch', async () => {
    const user = userEvent.setup();
    renderWithProviders(<App />);
    await user.click(screen.getByRole('radio', { name: 'v2' }));
    expect(
      await screen.findByRole('link', { name: 'POST /iam/resource/{resourceURN}/authorization/check' }),
    ).toBeInTheDocument();
    expect(window.location.search).toContain('branch=v2');
  });
});

describe('a catalogue section that fails', () => {
  it('is reported, the others stay, and a retry fetches it again', async () => {
    let failures = 2; // the engine itself tries a 5xx twice
    server.use(
      http.get('*/api/ovh/sandbox/1.0/vps.json', () => {
        if (failures-- > 0)
          return HttpResponse.json(
            { error: 'upstream_unreachable', message: 'The sandbox could not be reached.' },
            { status: 502 },
          );
        return undefined;
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<App />);
    const warning = await screen.findByText(
      /One section could not be loaded: \/vps \(502/,
      {},
      { timeout: 3000 },
    );
    await waitFor(() =>
      expect(screen.getByTestId('result-count')).toHaveTextContent(/^[1-9]\d* operations$/),
    );
    await user.click(screen.getByRole('button', { name: 'Retry failed sections' }));
    await waitFor(() => expect(warning).not.toBeInTheDocument());
    await user.type(screen.getByRole('searchbox', { name: 'Search endpoints' }), 'vps:apiovh:reboot');
    expect(await screen.findByRole('link', { name: 'POST /vps/{serviceName}/reboot' })).toBeInTheDocument();
  });
});
