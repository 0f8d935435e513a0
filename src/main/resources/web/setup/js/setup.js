// The install page: names the organisation, picks language and time zone, creates the
// first administrator and signs him in. Every field the server (or the page) finds wrong is
// marked (aria-invalid, its message beside it) and the first one gets the focus.
// After the installation /setup leads to the console.
import { createApp, reactive, ref, computed, onMounted, nextTick } from 'vue';
import { get, post } from '../../shared/js/api.js';
import { t, tOr, useLanguage, browserLanguage, preferredLanguage, LANGUAGES } from '../../shared/js/i18n.js';

/** The form's fields in the order they are shown, with the id of their control. */
const FIELDS = [
  ['organisationName', 'setup-organisation'], ['language', 'setup-language'], ['timeZone', 'setup-timezone'],
  ['adminUsername', 'setup-admin-username'], ['adminDisplayName', 'setup-admin-display-name'],
  ['adminEmail', 'setup-admin-email'], ['adminPassword', 'setup-admin-password'],
  ['confirm', 'setup-admin-password-confirm'],
];
import ProblemMessage from '../../shared/js/ProblemMessage.js';
import BrandMark from '../../shared/js/BrandMark.js';

const SetupPage = {
  components: { ProblemMessage, BrandMark },
  setup() {
    const loaded = ref(false);
    const gone = ref(false);
    const busy = ref(false);
    const problem = ref(null);
    const mismatch = ref(false);
    const timeZones = ref([]);
    const policy = ref({ minLength: 10, requiredClasses: 3 });
    const form = reactive({
      organisationName: '', language: preferredLanguage() || browserLanguage(), timeZone: 'UTC',
      adminUsername: '', adminDisplayName: '', adminEmail: '', adminPassword: '', confirm: '',
    });

    onMounted(async () => {
      await useLanguage(form.language, false);
      document.title = t('setup.title');
      try {
        const data = await get('/api/v1/setup');
        timeZones.value = data.timeZones;
        policy.value = data.passwordPolicy;
        const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (data.timeZones.includes(local)) form.timeZone = local;
      } catch (failure) {
        if (failure.status === 404) gone.value = true;
        else problem.value = failure;
      }
      loaded.value = true;
    });

    async function switchLanguage() {
      await useLanguage(form.language, true);
      document.title = t('setup.title');
    }

    // What is wrong with each field: the server's field errors, the password policy's
    // breaches, and the confirmation that differs.
    const errors = computed(() => {
      const found = {};
      const body = (problem.value && problem.value.body) || {};
      for (const error of body.errors || []) {
        if (!found[error.field]) found[error.field] = error.message;
      }
      if (Array.isArray(body.violations)) {
        found.adminPassword = body.violations.map((violation) => t('password.violation.' + violation, {
          minLength: body.minLength, requiredClasses: body.requiredClasses,
        })).join(' ');
      }
      if (mismatch.value) found.confirm = t('password.mismatch');
      return found;
    });

    async function focusFirstError() {
      await nextTick();
      const first = FIELDS.find(([field]) => errors.value[field]);
      if (first) document.getElementById(first[1]).focus();
    }

    async function submit() {
      problem.value = null;
      mismatch.value = form.adminPassword !== form.confirm;
      if (mismatch.value) {
        await focusFirstError();
        return;
      }
      busy.value = true;
      try {
        const { confirm, ...request } = form;
        await post('/api/v1/setup', request);
        window.location.assign('/console/');
      } catch (failure) {
        if (failure.status === 404) gone.value = true;
        else problem.value = failure;
        busy.value = false;
        await focusFirstError();
      }
    }

    const passwordHint = computed(() => t('password.policy.hint', policy.value));
    const label = (field) => tOr('field.' + field, field);
    return { loaded, gone, busy, problem, mismatch, errors, timeZones, form, passwordHint, submit, switchLanguage,
      label, t, LANGUAGES };
  },
  template: `
    <main class="centered">
      <div class="panel wide" v-if="loaded">
        <BrandMark />
        <div class="card" v-if="gone">
          <h1>{{ t('setup.done.title') }}</h1>
          <p>{{ t('setup.done.text') }}</p>
          <a class="button primary" href="/console/">{{ t('setup.done.open') }}</a>
        </div>
        <form class="card" v-else @submit.prevent="submit" novalidate>
          <h1>{{ t('setup.title') }}</h1>
          <p class="muted">{{ t('setup.intro') }}</p>
          <h2>{{ t('setup.organisation') }}</h2>
          <div class="field">
            <label for="setup-organisation">{{ t('setup.organisationName') }}</label>
            <input id="setup-organisation" type="text" v-model="form.organisationName" maxlength="200" required autofocus
                :aria-invalid="errors.organisationName ? 'true' : null" :aria-describedby="errors.organisationName ? 'setup-organisation-error' : null">
              <div class="field-error" id="setup-organisation-error" v-if="errors.organisationName">{{ errors.organisationName }}</div>
          </div>
          <div class="row fields">
            <div class="field">
              <label for="setup-language">{{ t('setup.language') }}</label>
              <select id="setup-language" v-model="form.language" @change="switchLanguage"
                :aria-invalid="errors.language ? 'true' : null" :aria-describedby="errors.language ? 'setup-language-error' : null">
                <option v-for="tag in LANGUAGES" :key="tag" :value="tag">{{ t('language.' + tag) }}</option>
              </select>
              <div class="field-error" id="setup-language-error" v-if="errors.language">{{ errors.language }}</div>
            </div>
            <div class="field">
              <label for="setup-timezone">{{ t('setup.timeZone') }}</label>
              <select id="setup-timezone" v-model="form.timeZone"
                :aria-invalid="errors.timeZone ? 'true' : null" :aria-describedby="errors.timeZone ? 'setup-timezone-error' : null">
                <option v-for="zone in timeZones" :key="zone" :value="zone">{{ zone }}</option>
              </select>
              <div class="field-error" id="setup-timezone-error" v-if="errors.timeZone">{{ errors.timeZone }}</div>
            </div>
          </div>
          <h2>{{ t('setup.administrator') }}</h2>
          <div class="row fields">
            <div class="field">
              <label for="setup-admin-username">{{ t('field.username') }}</label>
              <input id="setup-admin-username" type="text" v-model="form.adminUsername" maxlength="64"
                autocomplete="username" required
                :aria-invalid="errors.adminUsername ? 'true' : null" :aria-describedby="errors.adminUsername ? 'setup-admin-username-error' : null">
              <div class="field-error" id="setup-admin-username-error" v-if="errors.adminUsername">{{ errors.adminUsername }}</div>
            </div>
            <div class="field">
              <label for="setup-admin-display-name">{{ t('field.displayName') }}</label>
              <input id="setup-admin-display-name" type="text" v-model="form.adminDisplayName" maxlength="100" required
                :aria-invalid="errors.adminDisplayName ? 'true' : null" :aria-describedby="errors.adminDisplayName ? 'setup-admin-display-name-error' : null">
              <div class="field-error" id="setup-admin-display-name-error" v-if="errors.adminDisplayName">{{ errors.adminDisplayName }}</div>
            </div>
          </div>
          <div class="field">
            <label for="setup-admin-email">{{ t('field.email') }}</label>
            <input id="setup-admin-email" type="email" v-model="form.adminEmail" maxlength="254" required
                :aria-invalid="errors.adminEmail ? 'true' : null" :aria-describedby="errors.adminEmail ? 'setup-admin-email-error' : null">
              <div class="field-error" id="setup-admin-email-error" v-if="errors.adminEmail">{{ errors.adminEmail }}</div>
          </div>
          <div class="row fields">
            <div class="field">
              <label for="setup-admin-password">{{ t('field.password') }}</label>
              <input id="setup-admin-password" type="password" v-model="form.adminPassword"
                autocomplete="new-password" required
                :aria-invalid="errors.adminPassword ? 'true' : null" :aria-describedby="errors.adminPassword ? 'setup-admin-password-error' : null">
              <div class="field-error" id="setup-admin-password-error" v-if="errors.adminPassword">{{ errors.adminPassword }}</div>
            </div>
            <div class="field">
              <label for="setup-admin-password-confirm">{{ t('field.passwordConfirm') }}</label>
              <input id="setup-admin-password-confirm" type="password" v-model="form.confirm"
                autocomplete="new-password" required
                :aria-invalid="errors.confirm ? 'true' : null" :aria-describedby="errors.confirm ? 'setup-admin-password-confirm-error' : null">
              <div class="field-error" id="setup-admin-password-confirm-error" v-if="errors.confirm">{{ errors.confirm }}</div>
            </div>
          </div>
          <p class="hint muted small">{{ passwordHint }}</p>
          <ProblemMessage :problem="problem" />
          <div class="actions">
            <button id="setup-submit" class="primary" type="submit" :disabled="busy">{{ t('setup.submit') }}</button>
          </div>
        </form>
      </div>
    </main>`,
};

createApp(SetupPage).mount('#app');
