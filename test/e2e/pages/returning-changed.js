// The policy changed today, and not materially: a returning visitor keeps their
// choice and sees the notice. The date is computed so the page stays in the notice window.
window.consentryConfig = {
  policy: { url: '/privacy', version: '2026-changed', effectiveDate: new Date().toISOString().slice(0, 10), material: false },
};
