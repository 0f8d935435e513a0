// Customer settings (customer.manage): the levels (name, position, routing skill) and the
// custom attributes (key, label, type, choices, required, sensitive, pattern, limits).
import { ref, reactive, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';

const emptyLevel = () => ({ id: null, name: '', position: 0, routingSkill: '' });
const emptyAttribute = () => ({ id: null, key: '', label: '', type: 'TEXT', choices: '', required: false,
  sensitive: false, pattern: '', maxLength: '', min: '', max: '', position: 0 });

export default {
  name: 'CustomerSettingsView',
  components: { ProblemMessage },
  setup() {
    const levels = ref([]);
    const attributes = ref([]);
    const level = reactive(emptyLevel());
    const attribute = reactive(emptyAttribute());
    const problem = ref(null);
    async function load() {
      [levels.value, attributes.value] = await Promise.all([get('/api/v1/customer-levels'),
        get('/api/v1/customer-attributes')]);
    }
    onMounted(() => load().catch((failure) => { problem.value = failure; }));
    async function run(promise, reset) {
      problem.value = null;
      try {
        await promise;
        reset();
        await load();
      } catch (failure) {
        problem.value = failure;
      }
    }
    const saveLevel = () => run(level.id
      ? put('/api/v1/customer-levels/' + level.id, level) : post('/api/v1/customer-levels', level),
    () => Object.assign(level, emptyLevel()));
    const editLevel = (l) => Object.assign(level, { id: l.id, name: l.name, position: l.position, routingSkill: l.routingSkill || '' });
    const deleteLevel = (l) => run(del('/api/v1/customer-levels/' + l.id), () => {});
    const num = (v) => (v === '' || v === null ? null : Number(v));
    function attributeBody() {
      return { key: attribute.key, label: attribute.label, type: attribute.type,
        choices: attribute.choices.split('\n').map((c) => c.trim()).filter((c) => c),
        required: attribute.required, sensitive: attribute.sensitive, pattern: attribute.pattern || null,
        maxLength: num(attribute.maxLength), min: num(attribute.min), max: num(attribute.max),
        position: num(attribute.position) || 0 };
    }
    const saveAttribute = () => run(attribute.id
      ? put('/api/v1/customer-attributes/' + attribute.id, attributeBody())
      : post('/api/v1/customer-attributes', attributeBody()), () => Object.assign(attribute, emptyAttribute()));
    const editAttribute = (a) => Object.assign(attribute, { id: a.id, key: a.key, label: a.label, type: a.type,
      choices: (a.choices || []).join('\n'), required: a.required, sensitive: a.sensitive, pattern: a.pattern || '',
      maxLength: a.maxLength ?? '', min: a.min ?? '', max: a.max ?? '', position: a.position });
    const deleteAttribute = (a) => {
      if (window.confirm(t('customerSettings.confirmDelete', { label: a.label }))) {
        run(del('/api/v1/customer-attributes/' + a.id), () => {});
      }
    };
    const cancelAttribute = () => Object.assign(attribute, emptyAttribute());
    const cancelLevel = () => Object.assign(level, emptyLevel());
    return { levels, attributes, level, attribute, problem, saveLevel, editLevel, deleteLevel, cancelLevel,
      saveAttribute, editAttribute, deleteAttribute, cancelAttribute, t };
  },
  template: `
    <div class="customer-settings">
      <h1>{{ t('nav.customer-settings') }}</h1>
      <ProblemMessage :problem="problem" />
      <section class="card">
        <h2>{{ t('customerSettings.levels') }}</h2>
        <p class="muted small">{{ t('customerSettings.levelsHint') }}</p>
        <div class="table-wrap"><table id="level-table">
          <thead><tr><th>{{ t('customerSettings.name') }}</th><th>{{ t('customerSettings.position') }}</th>
            <th>{{ t('customerSettings.routingSkill') }}</th><th>{{ t('customerSettings.customers') }}</th><th></th></tr></thead>
          <tbody><tr v-for="l in levels" :key="l.id" :data-level="l.name">
            <td>{{ l.name }}</td><td>{{ l.position }}</td><td>{{ l.routingSkill || '—' }}</td><td>{{ l.customers }}</td>
            <td><button type="button" class="link small" @click="editLevel(l)">{{ t('action.edit') }}</button>
              <button type="button" class="link small" @click="deleteLevel(l)">{{ t('action.delete') }}</button></td>
          </tr></tbody>
        </table></div>
        <form id="level-form" class="toolbar" @submit.prevent="saveLevel">
          <div class="grow"><label for="level-name">{{ t('customerSettings.name') }}</label><input type="text" id="level-name" v-model="level.name" maxlength="60" required></div>
          <div><label for="level-position">{{ t('customerSettings.position') }}</label><input id="level-position" type="number" min="0" v-model.number="level.position"></div>
          <div><label for="level-skill">{{ t('customerSettings.routingSkill') }}</label><input type="text" id="level-skill" v-model="level.routingSkill" maxlength="60"></div>
          <button v-if="level.id" type="button" @click="cancelLevel">{{ t('action.cancel') }}</button>
          <button id="level-save" class="primary" type="submit">{{ level.id ? t('action.save') : t('customerSettings.addLevel') }}</button>
        </form>
      </section>
      <section class="card">
        <h2>{{ t('customerSettings.attributes') }}</h2>
        <div class="table-wrap"><table id="attribute-table">
          <thead><tr><th>{{ t('customerSettings.key') }}</th><th>{{ t('customerSettings.label') }}</th><th>{{ t('customerSettings.type') }}</th><th>{{ t('customerSettings.rules') }}</th><th></th></tr></thead>
          <tbody><tr v-for="a in attributes" :key="a.id" :data-attribute="a.key">
            <td><code>{{ a.key }}</code></td><td>{{ a.label }}</td><td>{{ t('customerSettings.type.' + a.type) }}</td>
            <td class="small"><span v-if="a.required" class="badge">{{ t('customerSettings.required') }}</span>
              <span v-if="a.sensitive" class="badge warn">{{ t('customerSettings.sensitive') }}</span>
              <span v-if="a.choices.length">{{ a.choices.join(', ') }}</span>
              <span v-if="a.min != null || a.max != null" data-range>{{ a.min ?? '…' }} – {{ a.max ?? '…' }}</span>
              <code v-if="a.pattern">{{ a.pattern }}</code></td>
            <td><button type="button" class="link small" @click="editAttribute(a)">{{ t('action.edit') }}</button>
              <button type="button" class="link small" @click="deleteAttribute(a)">{{ t('action.delete') }}</button></td>
          </tr></tbody>
        </table></div>
        <form id="attribute-form" @submit.prevent="saveAttribute">
          <div class="toolbar">
            <div><label for="attribute-key">{{ t('customerSettings.key') }}</label><input type="text" id="attribute-key" v-model="attribute.key" maxlength="40" pattern="[a-z][a-z0-9_]*" :disabled="!!attribute.id" required></div>
            <div class="grow"><label for="attribute-label">{{ t('customerSettings.label') }}</label><input type="text" id="attribute-label" v-model="attribute.label" maxlength="100" required></div>
            <div><label for="attribute-type">{{ t('customerSettings.type') }}</label>
              <select id="attribute-type" v-model="attribute.type" :disabled="!!attribute.id">
                <option v-for="type in ['TEXT', 'NUMBER', 'DATE', 'CHOICE']" :key="type" :value="type">{{ t('customerSettings.type.' + type) }}</option>
              </select></div>
          </div>
          <template v-if="attribute.type === 'CHOICE'">
            <label for="attribute-choices">{{ t('customerSettings.choices') }}</label>
            <textarea id="attribute-choices" v-model="attribute.choices" rows="3"></textarea>
          </template>
          <div class="toolbar" v-if="attribute.type === 'TEXT'">
            <div class="grow"><label for="attribute-pattern">{{ t('customerSettings.pattern') }}</label><input type="text" id="attribute-pattern" v-model="attribute.pattern" maxlength="200"></div>
            <div><label for="attribute-max-length">{{ t('customerSettings.maxLength') }}</label><input id="attribute-max-length" type="number" min="1" v-model="attribute.maxLength"></div>
          </div>
          <div class="toolbar" v-if="attribute.type === 'NUMBER'">
            <div><label for="attribute-min">{{ t('customerSettings.min') }}</label><input id="attribute-min" type="number" step="any" v-model="attribute.min"></div>
            <div><label for="attribute-max">{{ t('customerSettings.max') }}</label><input id="attribute-max" type="number" step="any" v-model="attribute.max"></div>
          </div>
          <label class="check"><input type="checkbox" v-model="attribute.required"> {{ t('customerSettings.required') }}</label>
          <label class="check" v-if="attribute.type === 'TEXT'"><input type="checkbox" v-model="attribute.sensitive"> {{ t('customerSettings.sensitiveHint') }}</label>
          <div class="actions">
            <button v-if="attribute.id" type="button" @click="cancelAttribute">{{ t('action.cancel') }}</button>
            <button id="attribute-save" class="primary" type="submit">{{ attribute.id ? t('action.save') : t('customerSettings.addAttribute') }}</button>
          </div>
        </form>
      </section>
    </div>`,
};
