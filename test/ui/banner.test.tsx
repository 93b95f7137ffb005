import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { fakeHost, SITE } from './fake-host';
import { openUi, settle } from './open-ui';

const optional = { preferences: false, analytics: false, advertising: false, email: false };

describe('banner (first layer)', () => {
  it('is a labelled region with the notice; the two answers come first, then "Manage choices", the policy link, the languages and ×', () => {
    openUi('banner', fakeHost());
    const region = screen.getByRole('region', { name: 'Cookies on this site' });
    expect(region.textContent).toContain('web beacons');
    expect(within(region).getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe(`${location.origin}/privacy`);
    // Document order is tab order.
    const controls = Array.from(region.querySelectorAll('a, button')).map((el) => el.getAttribute('aria-label') ?? el.textContent);
    expect(controls).toEqual(['Accept all', 'Reject all', 'Manage choices', 'Privacy policy', '中文', 'Close without choosing (only necessary cookies are used)']);
    // The two answers share one style; "Manage choices" is a link-style button.
    const classOf = (name: string) => screen.getByRole('button', { name }).className;
    expect(classOf('Accept all')).toBe(classOf('Reject all'));
    expect(classOf('Manage choices')).toBe('consentry-button-link');
  });

  it('takes the layout the site chose: a bar by default, a corner box with ui.layout "box"', () => {
    openUi('banner', fakeHost());
    expect(screen.getByRole('region').className).toBe('consentry-banner consentry-banner-bar');
    openUi('banner', fakeHost({ user: { ...SITE, ui: { layout: 'box' } } }));
    expect(screen.getByRole('region').className).toBe('consentry-banner consentry-banner-box');
  });

  it('has no policy link when the site set no policy URL (rather than a placeholder)', () => {
    openUi('banner', fakeHost({ user: { contact: { email: 'dpo@example.org' } } }));
    const region = screen.getByRole('region', { name: 'Cookies on this site' });
    expect(within(region).queryByRole('link')).toBeNull();
    expect(region.textContent).not.toContain('Privacy policy');
  });

  it('Accept all stores every category as allowed and closes the banner', async () => {
    const host = fakeHost();
    openUi('banner', host);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    await settle();
    expect(host.calls.map((c) => c.name)).toEqual(['acceptAll']);
    expect(host.record()?.categories).toEqual({ necessary: true, preferences: true, analytics: true, advertising: true, email: true });
    expect(screen.queryByRole('region', { name: 'Cookies on this site' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Cookie settings' })).toBeTruthy();
  });

  it('Reject all stores only necessary', async () => {
    const host = fakeHost();
    openUi('banner', host);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    await settle();
    expect(host.calls.map((c) => c.name)).toEqual(['rejectAll']);
    expect(host.record()?.categories).toEqual({ necessary: true, ...optional });
  });

  it('closing without a choice records nothing and leaves the settings button', async () => {
    const host = fakeHost();
    openUi('banner', host);
    fireEvent.click(screen.getByRole('button', { name: 'Close without choosing (only necessary cookies are used)' }));
    await settle();
    expect(host.calls).toEqual([]);
    expect(host.record()).toBeNull();
    expect(screen.queryByRole('region', { name: 'Cookies on this site' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Cookie settings' })).toBeTruthy();
  });

  it('Manage choices opens the preference centre with nothing pre-ticked', () => {
    openUi('banner', fakeHost());
    fireEvent.click(screen.getByRole('button', { name: 'Manage choices' }));
    const dialog = screen.getByRole('dialog', { name: 'Privacy preferences' });
    const switches = within(dialog).getAllByRole('switch') as HTMLInputElement[];
    expect(switches.map((s) => [s.labels?.[0]?.textContent, s.checked, s.disabled])).toEqual([
      ['Strictly necessary', true, true],
      ['Preferences', false, false],
      ['Analytics', false, false],
      ['Advertising', false, false],
      ['Email link tracking', false, false],
    ]);
  });

  it('hides the settings button when the owner chose "none", and places it as configured', async () => {
    const none = fakeHost({ user: { ...SITE, ui: { settingsButton: 'none' } } });
    openUi('banner', none);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    await settle();
    expect(screen.queryByRole('button', { name: 'Cookie settings' })).toBeNull();
  });

  it('the settings button reopens the centre showing the stored choice', async () => {
    const host = fakeHost({ user: { ...SITE, ui: { settingsButton: 'bottom-right' } } });
    openUi('banner', host);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    await settle();
    const settings = screen.getByRole('button', { name: 'Cookie settings' });
    expect(settings.closest('aside')?.className).toContain('consentry-settings-right');
    fireEvent.click(settings);
    const switches = within(screen.getByRole('dialog')).getAllByRole('switch') as HTMLInputElement[];
    expect(switches.every((s) => s.checked)).toBe(true);
  });
});
