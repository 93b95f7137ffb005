import { SafeLink, useUi } from '../kernel';
import type { LocalVendor } from './localized';

/** The vendors of one category (already in the visitor's language) with their cookies, purpose and retention, folded by default. */
export function VendorList({ vendors }: { vendors: readonly LocalVendor[] }) {
  const { t } = useUi();
  // No list from the site: nothing is claimed either way (the defaults name no one's vendors).
  if (!vendors.length) return null;
  return (
    <details class="consentry-vendors">
      <summary>{t('prefs.vendors', { count: vendors.length })}</summary>
      {vendors.map((vendor) => (
        <div class="consentry-vendor" key={vendor.name}>
          <h4 class="consentry-vendor-name">{vendor.name}</h4>
          <p>{vendor.purpose}</p>
          {vendor.policyUrl ? (
            <p>
              <SafeLink href={vendor.policyUrl}>{t('vendor.policy', { name: vendor.name })}</SafeLink>
            </p>
          ) : null}
          {vendor.cookies.length ? (
            <div class="consentry-table-wrap">
              <table class="consentry-table">
                <thead>
                  <tr>
                    <th scope="col">{t('vendor.cookie')}</th>
                    <th scope="col">{t('vendor.purpose')}</th>
                    <th scope="col">{t('vendor.duration')}</th>
                  </tr>
                </thead>
                <tbody>
                  {vendor.cookies.map((cookie) => (
                    <tr key={cookie.name}>
                      <td>
                        <code>{cookie.name}</code>
                      </td>
                      <td>{cookie.purpose}</td>
                      <td>{cookie.duration}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ))}
    </details>
  );
}
