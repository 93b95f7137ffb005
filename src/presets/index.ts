/**
 * Presets: complete configs for one site, to start from or to use as they
 * are. Each is also shipped as JSON (dist/presets/<name>.json) for pages that
 * embed Consentry without a bundler: paste its content into the
 * `consentry-config` script, or spread it under your own keys.
 */
import webexMeet from './webex-meet.json' with { type: 'json' };
import type { UserConfig } from '../core/types';

/**
 * The settings of the Webex Meet meeting service's privacy policy (2021-10-24)
 * that Consentry was first built for: its policy URL and version, its contact
 * channels, and category descriptions, vendors and cookie tables written from
 * the policy's sections 2.1, 3, 8 and 9. The demo site uses it.
 */
export const webexMeetPreset: UserConfig = webexMeet;
