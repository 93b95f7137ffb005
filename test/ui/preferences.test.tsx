import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { fakeHost } from './fake-host';
import { webexMeetPreset } from '../../src/presets';
import { openUi, settle } from './open-ui';

const sw = (name: string) => screen.getByRole('switch', { name }) as HTMLInputElement;

describe('preference centre', () => {
  it('is a labelled modal dialog that takes focus', async () => {
    openUi('preferences', fakeHost());
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Privacy preferences' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('lang')).toBe('en');
    expect(document.activeElement).toBe(dialog);
  });

  it('switches reflect the stored choice, change, and Save stores exactly what they show', async () => {
    const host = fakeHost({ initial: { categories: { necessary: true, preferences: true, analytics: false, advertising: false, email: false } } });
    openUi('preferences', host);
    expect(sw('Preferences').checked).toBe(true);
    expect(sw('Analytics').checked).toBe(false);
    fireEvent.click(sw('Analytics'));
    fireEvent.click(sw('Preferences'));
    expect(sw('Analytics').checked).toBe(true);
    expect(sw('Preferences').checked).toBe(false);
    expect(sw('Analytics').getAttribute('role')).toBe('switch');
    fireEvent.click(screen.getByRole('button', { name: 'Save choices' }));
    await settle();
    expect(host.calls).toEqual([
      {
        name: 'set',
        arg: {
          categories: { necessary: true, preferences: false, analytics: true, advertising: false, email: false },
          optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
          method: 'custom',
        },
      },
    ]);
    expect(host.record()?.categories.analytics).toBe(true);
    expect(host.record()?.method).toBe('custom');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Accept all and Reject all in the centre do what they say', async () => {
    const host = fakeHost();
    openUi('preferences', host);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Accept all' }));
    await settle();
    expect(host.record()?.method).toBe('accept-all');
    expect(Object.values(host.record()!.categories).every(Boolean)).toBe(true);
    openUi('preferences', host);
    await settle();
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reject all' }));
    await settle();
    expect(host.record()?.categories).toEqual({ necessary: true, preferences: false, analytics: false, advertising: false, email: false });
  });

  it("shows each category description and the site's vendors with cookies, purpose and retention (here the preset's)", () => {
    openUi('preferences', fakeHost({ user: webexMeetPreset }));
    const row = document.querySelector('[data-category="analytics"]') as HTMLElement;
    expect(row.textContent).toContain('Third-party statistics and analysis tools');
    const details = row.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(within(row).getByText('Partners and cookies (2)')).toBeTruthy();
    const cells = Array.from(row.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((td) => td.textContent));
    expect(cells).toContainEqual(['_ga', 'Tells visitors apart, without your name.', '2 years']);
    expect(within(row).getByRole('link', { name: 'Google Analytics privacy policy' }).getAttribute('href')).toBe('https://policies.google.com/privacy');
  });

  it('Escape closes without recording, and the banner comes back while no choice was made', async () => {
    const host = fakeHost();
    openUi('banner', host);
    fireEvent.click(screen.getByRole('button', { name: 'Manage choices' }));
    await settle();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.calls).toEqual([]);
    expect(screen.getByRole('region', { name: 'Cookies on this site' })).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Manage choices');
  });

  it("offers the site's contact channels and the policy link", () => {
    openUi('preferences', fakeHost({ user: webexMeetPreset }));
    expect(screen.getByRole('link', { name: 'support@ketianyun.com' }).getAttribute('href')).toBe('mailto:support@ketianyun.com');
    expect(screen.getByRole('link', { name: '400-058-3528' }).getAttribute('href')).toBe('tel:4000583528');
    expect(screen.getByRole('link', { name: 'Full privacy policy' }).getAttribute('href')).toBe(`${location.origin}/privacy`);
  });

  it('with the bare defaults: generic descriptions, no vendor lists, no contact section and no policy link (no placeholders)', () => {
    openUi('preferences', fakeHost({ user: {} }));
    const dialog = screen.getByRole('dialog');
    expect(document.querySelector('[data-category="analytics"]')?.textContent).toContain('Count visits and show which pages are used and how');
    expect(dialog.querySelectorAll('.consentry-vendors')).toHaveLength(0);
    expect(within(dialog).queryByRole('heading', { name: 'Questions?' })).toBeNull();
    expect(within(dialog).queryAllByRole('link')).toEqual([]);
    expect(dialog.textContent).not.toMatch(/hotline|privacy policy|@/i);
  });

  it('shows only the channels a site set: an email alone, no policy link', () => {
    openUi('preferences', fakeHost({ user: { contact: { email: 'dpo@example.org' } } }));
    const contact = screen.getByRole('region', { name: 'Questions?' });
    expect(within(contact).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Email:dpo@example.org']);
  });
});

describe('opt-out centre', () => {
  it('email is subscribed until switched off; service announcements are always sent, with the reason', async () => {
    const host = fakeHost();
    openUi('optouts', host);
    const promo = sw('Promotional emails, product questionnaires and satisfaction surveys');
    expect(promo.checked).toBe(true);
    expect(promo.parentElement?.textContent).toContain('Subscribed');
    fireEvent.click(promo);
    expect(promo.parentElement?.textContent).toContain('Unsubscribed');
    expect(screen.getByText('Service announcements').parentElement?.textContent).toContain('Always sent');
    expect(screen.queryByRole('switch', { name: 'Service announcements' })).toBeNull();
    expect(document.body.textContent).toContain("so they can't be turned off");
    fireEvent.click(screen.getByRole('button', { name: 'Save choices' }));
    await settle();
    expect(host.record()?.optOuts).toEqual({ promotionalEmail: true, personalisedAds: false, adSharing: false });
  });

  it('advertising uses are switches named for what they allow (no double negative); switching one off stores the refusal', async () => {
    const host = fakeHost();
    openUi('optouts', host);
    const personalised = sw('Personalised advertising');
    expect(sw('Sharing statistics with advertisers').checked).toBe(true);
    expect([personalised.checked, personalised.parentElement?.textContent]).toEqual([true, 'On']);
    fireEvent.click(personalised);
    expect([personalised.checked, personalised.parentElement?.textContent]).toEqual([false, 'Off']);
    fireEvent.click(screen.getByRole('button', { name: 'Save choices' }));
    await settle();
    expect(host.record()?.optOuts).toEqual({ promotionalEmail: false, personalisedAds: true, adSharing: false });
    openUi('optouts', host);
    await settle();
    expect([sw('Personalised advertising').checked, sw('Sharing statistics with advertisers').checked]).toEqual([false, true]);
    fireEvent.click(sw('Sharing statistics with advertisers'));
    fireEvent.click(screen.getByRole('button', { name: 'Save choices' }));
    await settle();
    expect(host.record()?.optOuts).toEqual({ promotionalEmail: false, personalisedAds: true, adSharing: true });
  });

  it('says the GPC signal is honoured and starts with both advertising uses off', () => {
    openUi('optouts', fakeHost({ gpc: true }));
    expect(screen.getByText(/Global Privacy Control/)).toBeTruthy();
    expect(sw('Personalised advertising').checked).toBe(false);
    expect(sw('Sharing statistics with advertisers').checked).toBe(false);
  });

  it('has no GPC note without the signal', () => {
    openUi('optouts', fakeHost());
    expect(screen.queryByText(/Global Privacy Control/)).toBeNull();
  });
});

describe('your data', () => {
  it('shows the current choice and its history, downloads JSON, and deletes the choices', async () => {
    const host = fakeHost();
    openUi('banner', host);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Cookie settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Your data' }));
    await settle();
    const current = document.querySelector('[data-consentry="current"]')!;
    expect(current.textContent).toContain('Allowed: Strictly necessary');
    expect(current.textContent).toContain('Rejected all');
    const rows = Array.from(document.querySelectorAll('[data-consentry="history"] tbody tr'));
    expect(rows).toHaveLength(1);
    expect(rows[0].children[2].textContent).toBe('Rejected all');

    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:fake'));
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download as JSON' }));
    expect(clicked).toEqual(['consentry-choices.json blob:fake']);
    const exported = JSON.parse(await blobs[0].text());
    expect(exported.record.method).toBe('reject-all');
    expect(exported.history).toHaveLength(1);
    create.mockRestore();
    click.mockRestore();

    // Destructive, so it asks first: Cancel keeps everything and gives focus back to the button.
    const remove = screen.getByRole('button', { name: 'Delete my choices' });
    expect(remove.className).toContain('consentry-button-danger');
    fireEvent.click(remove);
    const question = screen.getByRole('group', { name: /^Delete your stored choice and its history from this browser\?/ });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /^Delete your stored choice/ })).toBeNull();
    expect(document.activeElement?.textContent).toBe('Delete my choices');
    expect(host.calls.map((c) => c.name)).toEqual(['rejectAll']);
    fireEvent.click(screen.getByRole('button', { name: 'Delete my choices' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await settle();
    expect(host.calls.map((c) => c.name)).toEqual(['rejectAll', 'withdraw']);
    expect(host.record()).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Your choices have been deleted.');
    expect(screen.getByText("You haven't made a choice yet.")).toBeTruthy();
  });
});
