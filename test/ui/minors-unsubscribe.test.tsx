import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { fakeHost } from './fake-host';
import { openUi, settle } from './open-ui';

const minors = { configPatch: { minors: { enabled: true, age: 14 } } };
const none = { necessary: true, preferences: false, analytics: false, advertising: false, email: false };

describe('minors (policy section 10)', () => {
  it('asks the age before offering choices', () => {
    openUi('banner', fakeHost(minors));
    expect(screen.getByRole('group', { name: 'Are you 14 or older?' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept all' })).toBeNull();
  });

  it('an adult then chooses as usual, and the answer is recorded', async () => {
    const host = fakeHost(minors);
    openUi('banner', host);
    fireEvent.click(screen.getByRole('button', { name: "Yes, I'm 14 or older" }));
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    await settle();
    expect(host.record()?.categories).toEqual({ necessary: true, preferences: true, analytics: true, advertising: true, email: true });
    expect(host.record()?.minor).toEqual({ under: false, guardianConfirmed: false });
    expect(host.record()?.method).toBe('accept-all');
  });

  it('a minor without a guardian gets only necessary, with both ad refusals on', async () => {
    const host = fakeHost(minors);
    openUi('banner', host);
    fireEvent.click(screen.getByRole('button', { name: "No, I'm under 14" }));
    expect(screen.queryByRole('button', { name: 'Accept all' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Continue with necessary cookies only' }));
    await settle();
    expect(host.record()?.categories).toEqual(none);
    expect(host.record()?.optOuts).toEqual({ promotionalEmail: false, personalisedAds: true, adSharing: true });
    expect(host.record()?.minor).toEqual({ under: true, guardianConfirmed: false });
  });

  it('a guardian can allow analytics, but never advertising', async () => {
    const host = fakeHost(minors);
    openUi('banner', host);
    fireEvent.click(screen.getByRole('button', { name: "No, I'm under 14" }));
    fireEvent.click(screen.getByRole('button', { name: 'A guardian will choose' }));
    const dialog = screen.getByRole('dialog');
    const analytics = within(dialog).getByRole('switch', { name: 'Analytics' }) as HTMLInputElement;
    expect(analytics.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: "I'm this visitor's parent or guardian and agree to the choices below" }));
    expect(analytics.disabled).toBe(false);
    expect((within(dialog).getByRole('switch', { name: 'Advertising' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(analytics);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save choices' }));
    await settle();
    expect(host.record()?.categories).toEqual({ ...none, analytics: true });
    expect(host.record()?.optOuts.personalisedAds).toBe(true);
    expect(host.record()?.minor).toEqual({ under: true, guardianConfirmed: true });
  });
});

describe('unsubscribe confirmation', () => {
  it('confirms the list in place of the banner, in both languages', async () => {
    openUi('unsubscribe', fakeHost({ unsubscribe: { list: 'Product news', token: 't0k3n', valid: true } }));
    await settle();
    const dialog = screen.getByRole('dialog', { name: "You're unsubscribed" });
    expect(dialog.textContent).toContain("You won't receive “Product news” emails from us any more.");
    expect(dialog.textContent).not.toContain('t0k3n');
    expect(screen.queryByRole('region')).toBeNull();
    const second = dialog.querySelector('[data-consentry="second-language"]')!;
    expect(second.getAttribute('lang')).toBe('zh-CN');
    expect(second.textContent).toBe('退订成功 — 今后您将不会再收到我们的“Product news”邮件。 安全通知、付费通知等服务公告仍会照常发送。');
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByRole('dialog', { name: '退订成功' }).textContent).toContain('今后您将不会再收到我们的“Product news”邮件。');
  });

  it('explains a damaged link and leads to the email settings', async () => {
    openUi('unsubscribe', fakeHost({ unsubscribe: { list: '', token: '', valid: false } }));
    await settle();
    expect(screen.getByRole('dialog').textContent).toContain('incomplete or damaged');
    fireEvent.click(screen.getByRole('button', { name: 'Email preferences' }));
    expect(screen.getByRole('switch', { name: 'Promotional emails, product questionnaires and satisfaction surveys' })).toBeTruthy();
  });

  it('a banner request from the guard does not cover the confirmation', async () => {
    const host = fakeHost({ unsubscribe: { list: 'News', token: 'x', valid: true } });
    openUi('unsubscribe', host);
    await settle();
    openUi('banner', { ...host });
    await settle();
    expect(screen.getByRole('dialog', { name: "You're unsubscribed" })).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('after closing, the banner asks for a cookie choice if none was made', async () => {
    openUi('unsubscribe', fakeHost({ unsubscribe: { list: 'News', token: 'x', valid: true } }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('region', { name: 'Cookies on this site' })).toBeTruthy();
  });
});

describe('policy-change notice', () => {
  it('shows inside the banner with the policy link', () => {
    openUi('banner', fakeHost({ policyChanged: true }));
    const region = screen.getByRole('region');
    expect(region.textContent).toContain('Our privacy policy has changed (effective 2021-10-24).');
    expect(within(region).getByRole('link', { name: 'See what changed' }).getAttribute('href')).toBe(`${location.origin}/privacy`);
  });

  it('shows on its own for a visitor who already chose, and can be dismissed', async () => {
    const host = fakeHost({ policyChanged: true, initial: {} });
    openUi('banner', host);
    fireEvent.click(screen.getByRole('button', { name: 'Close without choosing (only necessary cookies are used)' }));
    const notice = screen.getByRole('complementary', { name: 'Our privacy policy has changed (effective 2021-10-24).' });
    expect(notice.querySelector('[lang="zh-CN"]')?.textContent).toBe('我们的隐私政策已更新（2021-10-24 起生效）。');
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('complementary', { name: /privacy policy has changed/ })).toBeNull();
    expect(host.calls).toEqual([]);
  });

  it("the 'notice' view shows only the bilingual notice; Dismiss stores the policy version", () => {
    localStorage.removeItem('consentry:notice');
    const host = fakeHost({ policyChanged: true, initial: {} });
    openUi('notice', host);
    const notice = screen.getByRole('complementary', { name: 'Our privacy policy has changed (effective 2021-10-24).' });
    expect(within(notice).getByRole('link', { name: 'See what changed' }).getAttribute('href')).toBe(`${location.origin}/privacy`);
    expect(notice.querySelector('[lang="zh-CN"]')?.textContent).toBe('我们的隐私政策已更新（2021-10-24 起生效）。');
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cookie settings' })).toBeNull();
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(localStorage.getItem('consentry:notice')).toBe('2021-10-24');
    expect(host.calls).toEqual([]);
  });

  it("the 'notice' view still dismisses when storage throws", () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    try {
      openUi('notice', fakeHost({ policyChanged: true, initial: {} }));
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
      expect(screen.queryByRole('complementary')).toBeNull();
    } finally {
      setItem.mockRestore();
    }
  });
});
