// The alerts firing now, shared by the banner on every page and the status screen: read
// every 30 s by whoever holds system.monitor, and at once after an acknowledgement.
import { reactive } from 'vue';
import { get } from '../../../shared/js/api.js';

export const alertState = reactive({ firing: [] });

export async function refreshAlerts() {
  try {
    alertState.firing = await get('/api/v1/operations/alerts/firing');
  } catch (failure) {
    // the banner stays as it was; the status screen shows the problem
  }
}
