// System settings (organisation, password policy, login lockout); saved all or nothing.
import { ref, reactive, computed, onMounted } from 'vue';
import { t, tOr } from '../../../shared/js/i18n.js';
import { get, put } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { loadSession } from '../session.js';

const GROUPS = ['organisation', 'password', 'login', 'chat', 'routing', 'tickets'];

function zones() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export default {
  name: 'SettingsView',
  components: { ProblemMessage },
  setup() {
    const settings = ref([]);
    const values = reactive({});
    const problem = ref(null);
    const notice = ref('');
    const busy = ref(false);
    const timeZones = ['UTC', ...zones().filter((zone) => zone !== 'UTC')];

    function take(list) {
      settings.value = list;
      for (const setting of list) values[setting.key] = setting.type === 'boolean' ? setting.value === 'true' : setting.value;
    }

    onMounted(async () => {
      try {
        take(await get('/api/v1/settings'));
      } catch (failure) {
        problem.value = failure;
      }
    });

    const groups = computed(() => {
      const byGroup = new Map();
      for (const setting of settings.value) {
        const group = GROUPS.includes(setting.key.split('.')[0]) ? setting.key.split('.')[0] : 'other';
        if (!byGroup.has(group)) byGroup.set(group, []);
        byGroup.get(group).push(setting);
      }
      const rank = (name) => (GROUPS.includes(name) ? GROUPS.indexOf(name) : GROUPS.length);
      return [...byGroup.entries()]
        .sort((a, b) => rank(a[0]) - rank(b[0]))
        .map(([name, items]) => ({ name, items }));
    });

    function zoneChoices(current) {
      return timeZones.includes(current) ? timeZones : [current, ...timeZones];
    }

    async function save() {
      problem.value = null;
      notice.value = '';
      const changes = {};
      for (const setting of settings.value) {
        const value = String(values[setting.key]);
        if (value !== setting.value) changes[setting.key] = value;
      }
      if (!Object.keys(changes).length) {
        notice.value = t('settings.unchanged');
        return;
      }
      busy.value = true;
      try {
        take(await put('/api/v1/settings', changes));
        await loadSession();
        notice.value = t('settings.saved');
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { groups, values, problem, notice, busy, zoneChoices, save, t, tOr };
  },
  template: `
    <form @submit.prevent="save">
      <h1>{{ t('settings.title') }}</h1>
      <div class="card" v-for="group in groups" :key="group.name">
        <h2>{{ t('settings.group.' + group.name) }}</h2>
        <div class="field" v-for="setting in group.items" :key="setting.key">
          <template v-if="setting.type === 'boolean'">
            <label class="check"><input type="checkbox" :id="'setting-' + setting.key" v-model="values[setting.key]">
              {{ tOr('setting.' + setting.key, setting.key) }}</label>
          </template>
          <template v-else>
            <label :for="'setting-' + setting.key">{{ tOr('setting.' + setting.key, setting.key) }}</label>
            <input v-if="setting.type === 'integer'" :id="'setting-' + setting.key" type="number"
              v-model="values[setting.key]" :min="setting.min" :max="setting.max" step="1" style="max-width: 12rem">
            <select v-else-if="setting.type === 'choice'" :id="'setting-' + setting.key" v-model="values[setting.key]" style="max-width: 20rem">
              <option v-for="choice in setting.allowed" :key="choice" :value="choice">{{ tOr(setting.key + '.' + choice, tOr('language.' + choice, choice)) }}</option>
            </select>
            <select v-else-if="setting.type === 'zone'" :id="'setting-' + setting.key" v-model="values[setting.key]" style="max-width: 20rem">
              <option v-for="zone in zoneChoices(setting.value)" :key="zone" :value="zone">{{ zone }}</option>
            </select>
            <input v-else :id="'setting-' + setting.key" type="text" v-model="values[setting.key]" :maxlength="setting.max">
          </template>
          <div class="hint">{{ tOr('setting.' + setting.key + '.help', '') }}
            <span v-if="setting.min !== null && setting.max !== null && setting.type === 'integer'">
              {{ t('settings.range', { min: setting.min, max: setting.max, default: setting.defaultValue }) }}</span>
          </div>
        </div>
      </div>
      <ProblemMessage :problem="problem" />
      <div class="notice" v-if="notice">{{ notice }}</div>
      <div class="actions">
        <button id="settings-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
      </div>
    </form>`,
};
