import type { MentorDeskBridge } from '../../../shared/contract';
import { createApi } from './api';

declare global {
  interface Window {
    /** Provided by the preload script in the app, and by a test-only shim in the browser harness. */
    mentorDesk: MentorDeskBridge;
  }
}

/** The one client the renderer uses; every call goes through the contract's schemas. */
export const api = createApi(window.mentorDesk);
export const { call, onEvent, onFailure } = api;
