// Saved segments of the customer list: choose one (the list narrows to it), save the form's
// filter as a new one (personal, or shared with customer.manage), delete one.
import { ref, computed, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, post, del } from '../../../shared/js/api.js';
import ModalDialog from '../../../shared/js/ModalDialog.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { can } from '../session.js';

export default {
  name: 'SegmentBar',
  components: { ModalDialog, ProblemMessage },
  props: {
    /** a function giving the form's filter fields */
    fields: { type: Function, required: true },
    active: { type: String, default: '' },
  },
  emits: ['apply'],
  setup(props, { emit }) {
    const segments = ref([]);
    const saving = ref(false);
    const name = ref('');
    const shared = ref(false);
    const problem = ref(null);
    const current = computed(() => segments.value.find((s) => String(s.id) === props.active));
    const mayDelete = computed(() => current.value && (!current.value.shared || can('customer.manage')));

    async function load() {
      segments.value = await get('/api/v1/customer-segments').catch(() => []);
    }
    onMounted(load);

    function choose(event) {
      emit('apply', segments.value.find((s) => String(s.id) === event.target.value) || null);
    }

    function open() {
      name.value = '';
      shared.value = false;
      problem.value = null;
      saving.value = true;
    }

    async function save() {
      problem.value = null;
      try {
        const created = await post('/api/v1/customer-segments', {
          name: name.value, shared: shared.value, filter: props.fields(),
        });
        saving.value = false;
        await load();
        emit('apply', created);
      } catch (failure) {
        problem.value = failure;
      }
    }

    async function remove() {
      await del('/api/v1/customer-segments/' + current.value.id).catch((failure) => { problem.value = failure; });
      await load();
      emit('apply', null);
    }

    return { segments, saving, name, shared, problem, current, mayDelete, choose, open, save, remove, t, can };
  },
  template: `
    <div class="segment-bar toolbar">
      <div>
        <label for="customer-segment">{{ t('customers.segment') }}</label>
        <select id="customer-segment" :value="active" @change="choose">
          <option value="">{{ t('customers.allCustomers') }}</option>
          <option v-for="s in segments" :key="s.id" :value="String(s.id)">{{ s.name }}{{ s.shared ? ' · ' + t('customers.shared') : '' }}</option>
        </select>
      </div>
      <button id="segment-save" type="button" @click="open">{{ t('customers.saveSegment') }}</button>
      <button v-if="mayDelete" id="segment-delete" type="button" class="danger" @click="remove">{{ t('customers.deleteSegment') }}</button>
      <ProblemMessage v-if="!saving" :problem="problem" />
      <ModalDialog v-if="saving" :title="t('customers.saveSegment')" title-id="segment-dialog-title" @close="saving = false">
        <form @submit.prevent="save">
          <div class="field">
            <label for="segment-name">{{ t('customers.segmentName') }}</label>
            <input id="segment-name" type="text" v-model="name" maxlength="80" required>
          </div>
          <label v-if="can('customer.manage')" class="check"><input id="segment-shared" type="checkbox" v-model="shared">
            {{ t('customers.shareSegment') }}</label>
          <ProblemMessage :problem="problem" />
          <div class="actions">
            <button id="segment-confirm" class="primary" type="submit">{{ t('action.save') }}</button>
            <button type="button" @click="saving = false">{{ t('action.cancel') }}</button>
          </div>
        </form>
      </ModalDialog>
    </div>`,
};
