/**
 * The preference centre's bundle entry (dist/consentry-ui-centre.js and
 * dist/consentry-ui-centre.css), loaded on demand by the banner's bundle
 * (../centre-loader.ts): hands its two views to the kernel it was built against.
 */
import './centre.css';
import { provideCentre } from '../kernel';
import { PreferenceCentre } from './PreferenceCentre';
import { UnsubscribeNotice } from './UnsubscribeNotice';

provideCentre({ PreferenceCentre, UnsubscribeNotice });
