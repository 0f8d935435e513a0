// The mail account: SMTP to send through (with a test message) and an IMAP mailbox where
// customers' replies arrive. Passwords are written only; the server checks every field and
// names the one it refuses, shown under that field.
import { ref, reactive, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, put, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import SecretField, { secretState, secretValue } from './SecretField.js';
import { fieldErrors } from './fieldErrors.js';

const SECURITIES = ['none', 'starttls', 'tls'];

const TEXT_FIELDS = ['smtpHost', 'smtpUsername', 'fromAddress', 'fromName', 'replyAddress', 'imapHost',
  'imapUsername', 'imapFolder'];

export default {
  name: 'MailAccountTab',
  components: { ProblemMessage, SecretField },
  setup() {
    const account = ref(null);
    const form = reactive({});
    const smtpSecret = reactive(secretState());
    const imapSecret = reactive(secretState());
    const errors = ref({});
    const problem = ref(null);
    const notice = ref('');
    const busy = ref(false);
    const test = reactive({ to: '', busy: false, result: null, problem: null, errors: {} });

    function take(stored) {
      account.value = stored;
      Object.assign(form, {
        smtpEnabled: stored.smtpEnabled, smtpPort: stored.smtpPort, smtpSecurity: stored.smtpSecurity,
        imapEnabled: stored.imapEnabled, imapPort: stored.imapPort, imapSecurity: stored.imapSecurity,
      });
      for (const field of TEXT_FIELDS) form[field] = stored[field] || '';
      form.supportAddresses = (stored.supportAddresses || []).join('\n');
      Object.assign(smtpSecret, secretState());
      Object.assign(imapSecret, secretState());
    }

    onMounted(async () => {
      test.to = (session.me && session.me.user.email) || '';
      try {
        take(await get('/api/v1/mail-account'));
      } catch (failure) {
        problem.value = failure;
      }
    });

    function port(value) {
      if (value === '' || value === null || value === undefined) return null;
      const number = Number(value);
      return Number.isFinite(number) ? Math.trunc(number) : -1;
    }

    async function save() {
      problem.value = null;
      notice.value = '';
      errors.value = {};
      busy.value = true;
      try {
        take(await put('/api/v1/mail-account', {
          ...form,
          smtpPort: port(form.smtpPort),
          imapPort: port(form.imapPort),
          supportAddresses: form.supportAddresses.split(/[\s,;]+/).filter((a) => a),
          smtpPassword: secretValue(smtpSecret),
          imapPassword: secretValue(imapSecret),
        }));
        notice.value = 'mail.saved';
      } catch (failure) {
        problem.value = failure;
        errors.value = fieldErrors(failure);
      } finally {
        busy.value = false;
      }
    }

    async function sendTest() {
      test.busy = true;
      test.result = null;
      test.problem = null;
      test.errors = {};
      try {
        const to = test.to.trim();
        test.result = { ...(await post('/api/v1/mail-account/test', { to })), to };
      } catch (failure) {
        test.problem = failure;
        test.errors = fieldErrors(failure);
      } finally {
        test.busy = false;
      }
    }

    return { account, form, smtpSecret, imapSecret, errors, problem, notice, busy, test, securities: SECURITIES,
      save, sendTest, t };
  },
  template: `
    <div class="mail-account" v-if="account">
      <form @submit.prevent="save" novalidate>
        <section class="card">
          <h2>{{ t('mail.smtp.title') }}</h2>
          <p class="muted small">{{ t('mail.smtp.intro') }}</p>
          <label class="check"><input id="mail-smtpEnabled" type="checkbox" v-model="form.smtpEnabled"> {{ t('mail.smtp.enabled') }}</label>
          <div class="row fields">
            <div class="field mail-host">
              <label for="mail-smtpHost">{{ t('mail.host') }}</label>
              <input id="mail-smtpHost" type="text" v-model="form.smtpHost" maxlength="255" autocomplete="off"
                spellcheck="false" placeholder="smtp.example.com" :aria-invalid="errors.smtpHost ? 'true' : 'false'">
              <div v-if="errors.smtpHost" class="field-error" data-error-for="smtpHost">{{ errors.smtpHost }}</div>
            </div>
            <div class="field mail-port">
              <label for="mail-smtpPort">{{ t('mail.port') }}</label>
              <input id="mail-smtpPort" type="number" min="1" max="65535" step="1" v-model="form.smtpPort" placeholder="587"
                :aria-invalid="errors.smtpPort ? 'true' : 'false'">
              <div v-if="errors.smtpPort" class="field-error" data-error-for="smtpPort">{{ errors.smtpPort }}</div>
            </div>
            <div class="field mail-security">
              <label for="mail-smtpSecurity">{{ t('mail.security') }}</label>
              <select id="mail-smtpSecurity" v-model="form.smtpSecurity" :aria-invalid="errors.smtpSecurity ? 'true' : 'false'">
                <option v-for="value in securities" :key="value" :value="value">{{ t('mail.security.' + value) }}</option>
              </select>
              <div v-if="errors.smtpSecurity" class="field-error" data-error-for="smtpSecurity">{{ errors.smtpSecurity }}</div>
            </div>
          </div>
          <div class="hint small muted">{{ t('mail.smtp.portHint') }}</div>
          <div class="row fields">
            <div class="field">
              <label for="mail-smtpUsername">{{ t('mail.username') }}</label>
              <input id="mail-smtpUsername" type="text" v-model="form.smtpUsername" maxlength="255" autocomplete="off"
                spellcheck="false" :aria-invalid="errors.smtpUsername ? 'true' : 'false'">
              <div v-if="errors.smtpUsername" class="field-error" data-error-for="smtpUsername">{{ errors.smtpUsername }}</div>
            </div>
            <SecretField id="mail-smtpPassword" :label="t('mail.password')" :stored="account.smtpPasswordSet"
              :state="smtpSecret" :error="errors.smtpPassword || ''" />
          </div>
          <div class="row fields">
            <div class="field">
              <label for="mail-fromAddress">{{ t('mail.fromAddress') }}</label>
              <input id="mail-fromAddress" type="email" v-model="form.fromAddress" maxlength="254" spellcheck="false"
                placeholder="support@example.com" :aria-invalid="errors.fromAddress ? 'true' : 'false'">
              <div v-if="errors.fromAddress" class="field-error" data-error-for="fromAddress">{{ errors.fromAddress }}</div>
            </div>
            <div class="field">
              <label for="mail-fromName">{{ t('mail.fromName') }}</label>
              <input id="mail-fromName" type="text" v-model="form.fromName" maxlength="100"
                :aria-invalid="errors.fromName ? 'true' : 'false'">
              <div v-if="errors.fromName" class="field-error" data-error-for="fromName">{{ errors.fromName }}</div>
            </div>
          </div>
          <div class="field">
            <label for="mail-replyAddress">{{ t('mail.replyAddress') }}</label>
            <input id="mail-replyAddress" type="email" v-model="form.replyAddress" maxlength="254" spellcheck="false"
              placeholder="support@example.com" aria-describedby="mail-replyAddress-hint"
              :aria-invalid="errors.replyAddress ? 'true' : 'false'">
            <div class="hint" id="mail-replyAddress-hint">{{ t('mail.replyAddress.hint') }}</div>
            <div v-if="errors.replyAddress" class="field-error" data-error-for="replyAddress">{{ errors.replyAddress }}</div>
          </div>
        </section>

        <section class="card">
          <h2>{{ t('mail.imap.title') }}</h2>
          <p class="muted small">{{ t('mail.imap.intro') }}</p>
          <label class="check"><input id="mail-imapEnabled" type="checkbox" v-model="form.imapEnabled"> {{ t('mail.imap.enabled') }}</label>
          <div class="row fields">
            <div class="field mail-host">
              <label for="mail-imapHost">{{ t('mail.host') }}</label>
              <input id="mail-imapHost" type="text" v-model="form.imapHost" maxlength="255" autocomplete="off"
                spellcheck="false" placeholder="imap.example.com" :aria-invalid="errors.imapHost ? 'true' : 'false'">
              <div v-if="errors.imapHost" class="field-error" data-error-for="imapHost">{{ errors.imapHost }}</div>
            </div>
            <div class="field mail-port">
              <label for="mail-imapPort">{{ t('mail.port') }}</label>
              <input id="mail-imapPort" type="number" min="1" max="65535" step="1" v-model="form.imapPort" placeholder="993"
                :aria-invalid="errors.imapPort ? 'true' : 'false'">
              <div v-if="errors.imapPort" class="field-error" data-error-for="imapPort">{{ errors.imapPort }}</div>
            </div>
            <div class="field mail-security">
              <label for="mail-imapSecurity">{{ t('mail.security') }}</label>
              <select id="mail-imapSecurity" v-model="form.imapSecurity" :aria-invalid="errors.imapSecurity ? 'true' : 'false'">
                <option v-for="value in securities" :key="value" :value="value">{{ t('mail.security.' + value) }}</option>
              </select>
              <div v-if="errors.imapSecurity" class="field-error" data-error-for="imapSecurity">{{ errors.imapSecurity }}</div>
            </div>
          </div>
          <div class="row fields">
            <div class="field">
              <label for="mail-imapUsername">{{ t('mail.username') }}</label>
              <input id="mail-imapUsername" type="text" v-model="form.imapUsername" maxlength="255" autocomplete="off"
                spellcheck="false" :aria-invalid="errors.imapUsername ? 'true' : 'false'">
              <div v-if="errors.imapUsername" class="field-error" data-error-for="imapUsername">{{ errors.imapUsername }}</div>
            </div>
            <SecretField id="mail-imapPassword" :label="t('mail.password')" :stored="account.imapPasswordSet"
              :state="imapSecret" :error="errors.imapPassword || ''" />
          </div>
          <div class="field mail-folder">
            <label for="mail-imapFolder">{{ t('mail.imapFolder') }}</label>
            <input id="mail-imapFolder" type="text" v-model="form.imapFolder" maxlength="255" placeholder="INBOX"
              spellcheck="false" :aria-invalid="errors.imapFolder ? 'true' : 'false'">
            <div v-if="errors.imapFolder" class="field-error" data-error-for="imapFolder">{{ errors.imapFolder }}</div>
          </div>
          <div class="field">
            <label for="mail-supportAddresses">{{ t('mail.supportAddresses') }}</label>
            <textarea id="mail-supportAddresses" v-model="form.supportAddresses" rows="3" spellcheck="false"
              placeholder="help@example.com" aria-describedby="mail-supportAddresses-hint"
              :aria-invalid="errors.supportAddresses ? 'true' : 'false'"></textarea>
            <div class="hint" id="mail-supportAddresses-hint">{{ t('mail.supportAddresses.hint') }}</div>
            <div v-if="errors.supportAddresses" class="field-error" data-error-for="supportAddresses">{{ errors.supportAddresses }}</div>
          </div>
        </section>

        <ProblemMessage :problem="problem" />
        <div class="notice" v-if="notice" role="status">{{ t(notice) }}</div>
        <div class="actions">
          <button id="mail-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
        </div>
      </form>

      <section class="card mail-test">
        <h2>{{ t('mail.test.title') }}</h2>
        <p class="muted small">{{ t('mail.test.intro') }}</p>
        <form class="row fields" @submit.prevent="sendTest" novalidate>
          <div class="field">
            <label for="mail-test-to">{{ t('mail.test.to') }}</label>
            <input id="mail-test-to" type="email" v-model="test.to" maxlength="254" spellcheck="false"
              :aria-invalid="test.errors.to ? 'true' : 'false'">
            <div v-if="test.errors.to" class="field-error" data-error-for="to">{{ test.errors.to }}</div>
          </div>
          <div class="mail-test-send">
            <button id="mail-test-send" type="submit" :disabled="test.busy || !test.to.trim()">{{ test.busy ? t('mail.test.sending') : t('mail.test.send') }}</button>
          </div>
        </form>
        <div v-if="test.result && test.result.delivered" id="mail-test-result" class="notice" role="status"
          data-delivered="true">{{ t('mail.test.delivered', { to: test.result.to }) }}</div>
        <div v-else-if="test.result" id="mail-test-result" class="problem" role="alert" data-delivered="false">
          <strong>{{ t('mail.test.failed') }}</strong>
          <div class="secret mail-test-error">{{ test.result.error }}</div>
        </div>
        <ProblemMessage v-if="test.problem && !test.errors.to" :problem="test.problem" />
      </section>
    </div>
    <ProblemMessage v-else :problem="problem" />`,
};
