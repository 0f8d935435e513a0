// The tickets' custom fields: key, label, type, choices (one a line, for CHOICE), required
// and position. Key and type stay as created; the rest is edited in the same form. Deleting
// a field (and its values) asks first.
import { ref, reactive, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ConfirmDelete from './ConfirmDelete.js';

const TYPES = ['TEXT', 'NUMBER', 'DATE', 'CHOICE', 'CHECKBOX'];
const empty = () => ({ id: null, key: '', label: '', type: 'TEXT', choices: '', required: false, position: '' });

export default {
  name: 'CustomFieldsTab',
  components: { ProblemMessage, ConfirmDelete },
  setup() {
    const fields = ref([]);
    const field = reactive(empty());
    const problem = ref(null);
    const deleting = ref(null);
    const busy = ref(false);
    async function load() {
      const answer = await get('/api/v1/ticket-fields');
      fields.value = Array.isArray(answer) ? answer : answer.items || [];
    }
    onMounted(() => load().catch((failure) => { problem.value = failure; }));
    async function run(action) {
      problem.value = null;
      busy.value = true;
      try {
        await action();
        await load();
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }
    function body() {
      const result = { label: field.label.trim(), required: field.required };
      if (field.type === 'CHOICE') {
        result.choices = field.choices.split('\n').map((c) => c.trim()).filter((c) => c);
      }
      if (field.position !== '' && field.position !== null) result.position = Number(field.position);
      if (!field.id) Object.assign(result, { key: field.key.trim(), type: field.type });
      return result;
    }
    const save = () => run(async () => {
      if (field.id) await put('/api/v1/ticket-fields/' + field.id, body());
      else await post('/api/v1/ticket-fields', body());
      Object.assign(field, empty());
    });
    const edit = (f) => Object.assign(field, { id: f.id, key: f.key, label: f.label, type: f.type,
      choices: (f.choices || []).join('\n'), required: f.required, position: f.position });
    const cancel = () => Object.assign(field, empty());
    async function remove() {
      const f = deleting.value;
      deleting.value = null;
      if (field.id === f.id) cancel();
      await run(() => del('/api/v1/ticket-fields/' + f.id));
    }
    return { fields, field, problem, deleting, busy, types: TYPES, save, edit, cancel, remove, t };
  },
  template: `
    <section class="card" id="ticket-fields">
      <h2>{{ t('ticketSettings.tab.fields') }}</h2>
      <p class="muted small">{{ t('ticketSettings.fields.hint') }}</p>
      <ProblemMessage :problem="problem" />
      <p v-if="!fields.length" class="muted" id="field-empty">{{ t('ticketSettings.fields.none') }}</p>
      <div v-else class="table-wrap"><table id="field-table">
        <thead><tr><th>{{ t('ticketSettings.fields.key') }}</th><th>{{ t('ticketSettings.fields.label') }}</th>
          <th>{{ t('ticketSettings.fields.type') }}</th><th>{{ t('ticketSettings.fields.position') }}</th>
          <th>{{ t('ticketSettings.fields.rules') }}</th><th></th></tr></thead>
        <tbody><tr v-for="f in fields" :key="f.id" :data-field="f.key">
          <td><code>{{ f.key }}</code></td><td>{{ f.label }}</td><td>{{ t('ticketSettings.fields.type.' + f.type) }}</td>
          <td>{{ f.position }}</td>
          <td class="small"><span v-if="f.required" class="badge" data-required>{{ t('ticketSettings.fields.required') }}</span>
            <span v-if="f.choices && f.choices.length" data-choices>{{ f.choices.join(', ') }}</span></td>
          <td class="row-actions"><button type="button" class="link small" data-edit @click="edit(f)">{{ t('action.edit') }}</button>
            <button type="button" class="link small" data-delete @click="deleting = f">{{ t('action.delete') }}</button></td>
        </tr></tbody>
      </table></div>
      <form id="field-form" @submit.prevent="save">
        <h3>{{ field.id ? t('ticketSettings.fields.edit', { key: field.key }) : t('ticketSettings.fields.add') }}</h3>
        <div class="toolbar">
          <div><label for="field-key">{{ t('ticketSettings.fields.key') }}</label>
            <input type="text" id="field-key" v-model="field.key" maxlength="40" pattern="[a-z][a-z0-9_]*"
              :disabled="!!field.id" required></div>
          <div class="grow"><label for="field-label">{{ t('ticketSettings.fields.label') }}</label>
            <input type="text" id="field-label" v-model="field.label" maxlength="100" required></div>
          <div><label for="field-type">{{ t('ticketSettings.fields.type') }}</label>
            <select id="field-type" v-model="field.type" :disabled="!!field.id">
              <option v-for="type in types" :key="type" :value="type">{{ t('ticketSettings.fields.type.' + type) }}</option>
            </select></div>
          <div><label for="field-position">{{ t('ticketSettings.fields.position') }}</label>
            <input type="number" id="field-position" min="0" v-model="field.position"></div>
        </div>
        <template v-if="field.type === 'CHOICE'">
          <label for="field-choices">{{ t('ticketSettings.fields.choices') }}</label>
          <textarea id="field-choices" v-model="field.choices" rows="4"></textarea>
        </template>
        <label class="check"><input type="checkbox" id="field-required" v-model="field.required"> {{ t('ticketSettings.fields.required') }}</label>
        <div class="actions">
          <button v-if="field.id" type="button" id="field-cancel" @click="cancel">{{ t('action.cancel') }}</button>
          <button id="field-save" class="primary" type="submit" :disabled="busy">{{ field.id ? t('action.save') : t('ticketSettings.fields.add') }}</button>
        </div>
      </form>
      <ConfirmDelete v-if="deleting" :name="deleting.label" @confirm="remove" @close="deleting = null" />
    </section>`,
};
