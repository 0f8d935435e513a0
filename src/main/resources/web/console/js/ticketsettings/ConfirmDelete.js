// Asks before deleting something in the ticket settings: its name, Delete and Cancel.
import { t } from '../../../shared/js/i18n.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';

export default {
  name: 'ConfirmDelete',
  components: { ModalDialog },
  props: { name: { type: String, required: true }, busy: { type: Boolean, default: false } },
  emits: ['confirm', 'close'],
  setup() {
    return { t };
  },
  template: `
    <ModalDialog :title="t('ticketSettings.confirmTitle')" title-id="ticket-settings-confirm-title"
      id="ticket-settings-confirm" initial-focus="#ticket-settings-confirm-cancel" @close="$emit('close')">
      <p>{{ t('ticketSettings.confirmDelete', { name }) }}</p>
      <slot />
      <div class="actions">
        <button type="button" id="ticket-settings-confirm-cancel" @click="$emit('close')">{{ t('action.cancel') }}</button>
        <button type="button" id="ticket-settings-confirm-delete" class="danger" :disabled="busy"
          @click="$emit('confirm')">{{ t('action.delete') }}</button>
      </div>
    </ModalDialog>`,
};
