// Data subject requests on the customer page (customer.privacy): export everything about
// the customer as a JSON file, or erase his data after typing his id or name. Mount it with
// <PrivacyActions :customer="customer" @erased="reload" />; it shows nothing without the
// permission.
import { ref, computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import { can } from '../session.js';

export default {
  name: 'PrivacyActions',
  components: { ProblemMessage, ModalDialog },
  props: { customer: { type: Object, required: true } },
  emits: ['erased'],
  setup(props, { emit }) {
    const allowed = computed(() => can('customer.privacy'));
    const erasing = ref(false);
    const typed = ref('');
    const problem = ref(null);
    const busy = ref(false);
    const done = ref(null);

    const matches = computed(() => {
      const value = typed.value.trim();
      return value !== '' && (value === String(props.customer.id) || value === props.customer.name);
    });

    async function exportData() {
      busy.value = true;
      problem.value = null;
      try {
        const data = await get('/api/v1/customers/' + props.customer.id + '/data-export');
        const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = 'customer-' + props.customer.id + '.json';
        link.click();
        URL.revokeObjectURL(link.href);
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    function openErase() {
      typed.value = '';
      problem.value = null;
      done.value = null;
      erasing.value = true;
    }

    async function erase() {
      if (!matches.value) return;
      busy.value = true;
      problem.value = null;
      try {
        done.value = await post('/api/v1/customers/' + props.customer.id + '/erase', { confirm: typed.value.trim() });
        emit('erased', done.value);
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { allowed, erasing, typed, problem, busy, done, matches, exportData, openErase, erase, t };
  },
  template: `
    <div v-if="allowed" class="privacy-actions">
      <button id="customer-data-export" type="button" :disabled="busy" @click="exportData">{{ t('customers.privacy.export') }}</button>
      <button id="customer-erase" type="button" class="danger" :disabled="busy || !!customer.erasedAt"
        @click="openErase">{{ t('customers.privacy.erase') }}</button>
      <ProblemMessage v-if="!erasing" :problem="problem" />
      <ModalDialog v-if="erasing" class="erase-dialog" :title="t('customers.privacy.eraseTitle')" title-id="erase-title"
        initial-focus="#erase-confirmation" @close="erasing = false">
        <template v-if="!done">
          <div class="warning" role="note"><p><strong>{{ t('customers.privacy.eraseWarning') }}</strong></p></div>
          <form @submit.prevent="erase" novalidate>
            <div class="field">
              <label for="erase-confirmation">{{ t('customers.privacy.eraseType', { id: customer.id, name: customer.name || '' }) }}</label>
              <input id="erase-confirmation" type="text" v-model="typed" autocomplete="off" spellcheck="false" maxlength="200">
            </div>
            <ProblemMessage :problem="problem" />
            <div class="actions">
              <button type="button" @click="erasing = false">{{ t('action.cancel') }}</button>
              <button id="erase-start" type="submit" class="danger" :disabled="!matches || busy">{{ t('customers.privacy.eraseStart') }}</button>
            </div>
          </form>
        </template>
        <template v-else>
          <p class="notice" role="status" data-erased>{{ t('customers.privacy.erased', { conversations: done.conversations, files: done.files }) }}</p>
          <div class="actions">
            <button id="erase-close" type="button" @click="erasing = false">{{ t('action.close') }}</button>
          </div>
        </template>
      </ModalDialog>
    </div>`,
};
