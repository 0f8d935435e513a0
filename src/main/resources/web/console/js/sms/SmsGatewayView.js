// The SMS gateway: one HTTP request per text message, shaped from a provider's preset or
// by hand (address, method, headers, body template, success test), and a test message.
// Secret values come back masked; sending the mask back keeps the stored value.
import { ref, reactive, computed, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, put, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import EntryList from './EntryList.js';

const MASK = '********';
const METHODS = ['POST', 'GET', 'PUT'];
const CONTENT_TYPES = ['form', 'json', 'none'];

function entries(list) {
  return (list || []).map((entry) => ({ name: entry.name, value: entry.value || '', secret: !!entry.secret }));
}

/** Base64 of the UTF-8 bytes of a text (btoa alone takes Latin-1 only). */
function base64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

export default {
  name: 'SmsGatewayView',
  components: { ProblemMessage, EntryList },
  setup() {
    const presets = ref([]);
    const chosen = ref('custom');
    const form = reactive({
      enabled: false, preset: 'custom', url: '', method: 'POST', headers: [], parameters: [], contentType: 'form',
      bodyTemplate: '', sender: '', successPointer: '', successValue: '', successSubstring: '', messageIdPointer: '',
      timeoutSeconds: 10, allowPrivateNetwork: false,
    });
    const basic = reactive({ user: '', password: '' });
    const test = reactive({ phone: '', text: '' });
    const problem = ref(null);
    const testProblem = ref(null);
    const outcome = ref(null);
    const notice = ref('');
    const busy = ref(false);

    function take(view) {
      Object.assign(form, view, {
        headers: entries(view.headers), parameters: entries(view.parameters),
        url: view.url || '', bodyTemplate: view.bodyTemplate || '', sender: view.sender || '',
        successPointer: view.successPointer || '', successValue: view.successValue || '',
        successSubstring: view.successSubstring || '', messageIdPointer: view.messageIdPointer || '',
      });
      chosen.value = view.preset || 'custom';
    }

    onMounted(async () => {
      try {
        presets.value = await get('/api/v1/sms-gateway/presets');
        take(await get('/api/v1/sms-gateway'));
      } catch (failure) {
        problem.value = failure;
      }
    });

    /** Fills the fields from a preset; values already typed for the same names stay. */
    function applyPreset() {
      const preset = presets.value.find((candidate) => candidate.name === chosen.value);
      form.preset = chosen.value;
      notice.value = '';
      if (!preset) return;
      const keep = (fresh, old) => fresh.map((entry) => {
        const same = old.find((o) => o.name.toLowerCase() === entry.name.toLowerCase());
        return same ? { ...same, secret: entry.secret || same.secret } : { ...entry, value: entry.value || '' };
      });
      form.headers = keep(entries(preset.headers), form.headers);
      form.parameters = keep(entries(preset.parameters), form.parameters);
      Object.assign(form, {
        url: preset.url, method: preset.method, contentType: preset.contentType,
        bodyTemplate: preset.bodyTemplate || '', successPointer: preset.successPointer || '',
        successValue: preset.successValue || '', successSubstring: preset.successSubstring || '',
        messageIdPointer: preset.messageIdPointer || '',
      });
      notice.value = t('sms.presetApplied');
    }

    function setBasicAuth() {
      const value = 'Basic ' + base64(basic.user + ':' + basic.password);
      const header = form.headers.find((entry) => entry.name.toLowerCase() === 'authorization');
      if (header) Object.assign(header, { value, secret: true });
      else form.headers.push({ name: 'Authorization', value, secret: true });
      basic.password = '';
    }

    const hasBody = computed(() => form.contentType !== 'none');

    async function save() {
      problem.value = null;
      notice.value = '';
      busy.value = true;
      try {
        take(await put('/api/v1/sms-gateway', {
          ...form, timeoutSeconds: Number(form.timeoutSeconds),
          headers: form.headers.filter((entry) => entry.name.trim() || entry.value),
          parameters: form.parameters.filter((entry) => entry.name.trim() || entry.value),
        }));
        notice.value = t('sms.saved');
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function sendTest() {
      testProblem.value = null;
      outcome.value = null;
      busy.value = true;
      try {
        outcome.value = await post('/api/v1/sms-gateway/test', { phone: test.phone, text: test.text || t('sms.testDefault') });
      } catch (failure) {
        testProblem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { presets, chosen, form, basic, test, problem, testProblem, outcome, notice, busy, hasBody,
      methods: METHODS, contentTypes: CONTENT_TYPES, mask: MASK, applyPreset, setBasicAuth, save, sendTest, t };
  },
  template: `
    <div class="sms-gateway">
      <h1>{{ t('sms.title') }}</h1>
      <p class="muted">{{ t('sms.intro') }}</p>
      <form @submit.prevent="save" novalidate>
        <div class="card">
          <h2>{{ t('sms.provider') }}</h2>
          <div class="row">
            <div class="field">
              <label for="sms-preset">{{ t('sms.preset') }}</label>
              <select id="sms-preset" v-model="chosen">
                <option value="custom">{{ t('sms.preset.custom') }}</option>
                <option v-for="preset in presets" :key="preset.name" :value="preset.name">{{ t('sms.preset.' + preset.name) }}</option>
              </select>
            </div>
            <div class="field grow-0">
              <button id="sms-apply-preset" type="button" @click="applyPreset">{{ t('sms.applyPreset') }}</button>
            </div>
          </div>
          <div class="hint muted small">{{ t('sms.presetHint') }}</div>
          <label class="check"><input id="sms-enabled" type="checkbox" v-model="form.enabled"> {{ t('sms.enabled') }}</label>
        </div>

        <div class="card">
          <h2>{{ t('sms.request') }}</h2>
          <div class="field">
            <label for="sms-url">{{ t('field.url') }}</label>
            <input id="sms-url" type="text" v-model="form.url" maxlength="2000" spellcheck="false" placeholder="https://api.example.com/sms">
            <div class="hint">{{ t('sms.urlHint') }}</div>
          </div>
          <div class="row">
            <div class="field">
              <label for="sms-method">{{ t('field.method') }}</label>
              <select id="sms-method" v-model="form.method">
                <option v-for="method in methods" :key="method" :value="method">{{ method }}</option>
              </select>
            </div>
            <div class="field">
              <label for="sms-content-type">{{ t('field.contentType') }}</label>
              <select id="sms-content-type" v-model="form.contentType">
                <option v-for="type in contentTypes" :key="type" :value="type">{{ t('sms.contentType.' + type) }}</option>
              </select>
            </div>
            <div class="field">
              <label for="sms-sender">{{ t('field.sender') }}</label>
              <input id="sms-sender" type="text" v-model="form.sender" maxlength="64">
            </div>
          </div>
          <EntryList id="sms-parameters" :title="t('field.parameters')" :hint="t('sms.parametersHint')" :entries="form.parameters" :mask="mask" />
          <EntryList id="sms-headers" :title="t('field.headers')" :hint="t('sms.headersHint')" :entries="form.headers" :mask="mask" />
          <details class="sms-basic">
            <summary>{{ t('sms.basicAuth') }}</summary>
            <div class="row">
              <div class="field"><label for="sms-basic-user">{{ t('sms.basicUser') }}</label>
                <input id="sms-basic-user" type="text" v-model="basic.user" autocomplete="off"></div>
              <div class="field"><label for="sms-basic-password">{{ t('sms.basicPassword') }}</label>
                <input id="sms-basic-password" type="password" v-model="basic.password" autocomplete="new-password"></div>
              <div class="field grow-0"><button id="sms-basic-set" type="button" @click="setBasicAuth">{{ t('sms.basicSet') }}</button></div>
            </div>
          </details>
          <div class="field" v-if="hasBody">
            <label for="sms-body">{{ t('field.bodyTemplate') }}</label>
            <textarea id="sms-body" v-model="form.bodyTemplate" rows="4" maxlength="4000" spellcheck="false"></textarea>
            <div class="hint">{{ t('sms.bodyHint.' + form.contentType) }}</div>
          </div>
        </div>

        <div class="card">
          <h2>{{ t('sms.answer') }}</h2>
          <p class="hint muted small">{{ t('sms.answerHint') }}</p>
          <div class="row">
            <div class="field">
              <label for="sms-success-pointer">{{ t('field.successPointer') }}</label>
              <input id="sms-success-pointer" type="text" v-model="form.successPointer" maxlength="255" placeholder="/status">
            </div>
            <div class="field">
              <label for="sms-success-value">{{ t('field.successValue') }}</label>
              <input id="sms-success-value" type="text" v-model="form.successValue" maxlength="255">
            </div>
          </div>
          <div class="row">
            <div class="field">
              <label for="sms-success-substring">{{ t('field.successSubstring') }}</label>
              <input id="sms-success-substring" type="text" v-model="form.successSubstring" maxlength="255">
            </div>
            <div class="field">
              <label for="sms-id-pointer">{{ t('field.messageIdPointer') }}</label>
              <input id="sms-id-pointer" type="text" v-model="form.messageIdPointer" maxlength="255" placeholder="/sid">
            </div>
            <div class="field">
              <label for="sms-timeout">{{ t('field.timeoutSeconds') }}</label>
              <input id="sms-timeout" type="number" min="1" max="60" step="1" v-model="form.timeoutSeconds">
            </div>
          </div>
          <label class="check"><input id="sms-allow-private" type="checkbox" v-model="form.allowPrivateNetwork"> {{ t('sms.allowPrivate') }}</label>
          <div class="hint muted small">{{ t('sms.allowPrivateHint') }}</div>
        </div>
        <ProblemMessage :problem="problem" />
        <div class="notice" v-if="notice" role="status">{{ notice }}</div>
        <div class="actions">
          <button id="sms-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
        </div>
      </form>

      <form class="card" @submit.prevent="sendTest" novalidate>
        <h2>{{ t('sms.test') }}</h2>
        <p class="hint muted small">{{ t('sms.testHint') }}</p>
        <div class="row">
          <div class="field">
            <label for="sms-test-phone">{{ t('field.phone') }}</label>
            <input id="sms-test-phone" type="tel" v-model="test.phone" maxlength="32" placeholder="+8613800000000">
          </div>
          <div class="field">
            <label for="sms-test-text">{{ t('field.text') }}</label>
            <input id="sms-test-text" type="text" v-model="test.text" maxlength="640" :placeholder="t('sms.testDefault')">
          </div>
          <div class="field grow-0">
            <button id="sms-test-send" type="submit" :disabled="busy">{{ t('sms.testSend') }}</button>
          </div>
        </div>
        <ProblemMessage :problem="testProblem" />
        <div id="sms-test-outcome" v-if="outcome" :class="outcome.outcome === 'delivered' ? 'notice' : 'problem'" role="status">
          <strong>{{ t('sms.outcome.' + outcome.outcome) }}</strong>
          <span v-if="outcome.providerMessageId"> {{ t('sms.providerId', { id: outcome.providerMessageId }) }}</span>
          <div v-if="outcome.error" class="small sms-error">{{ outcome.error }}</div>
        </div>
      </form>
    </div>`,
};
