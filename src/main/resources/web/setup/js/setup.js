// The install page: names the organisation, picks language and time zone, creates the
// first administrator. Gone (404) once that has happened.
import { createApp, reactive, ref, computed, onMounted } from 'vue';
import { get, post } from '../../shared/js/api.js';
import { t, useLanguage, browserLanguage, preferredLanguage, LANGUAGES } from '../../shared/js/i18n.js';
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

    async function submit() {
      problem.value = null;
      mismatch.value = form.adminPassword !== form.confirm;
      if (mismatch.value) return;
      busy.value = true;
      try {
        const { confirm, ...request } = form;
        await post('/api/v1/setup', request);
        window.location.assign('/console/login');
      } catch (failure) {
        if (failure.status === 404) gone.value = true;
        else problem.value = failure;
        busy.value = false;
      }
    }

    const passwordHint = computed(() => t('password.policy.hint', policy.value));
    return { loaded, gone, busy, problem, mismatch, timeZones, form, passwordHint, submit, switchLanguage,
      t, LANGUAGES };
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
            <input id="setup-organisation" type="text" v-model="form.organisationName" maxlength="200" required autofocus>
          </div>
          <div class="row">
            <div class="field">
              <label for="setup-language">{{ t('setup.language') }}</label>
              <select id="setup-language" v-model="form.language" @change="switchLanguage">
                <option v-for="tag in LANGUAGES" :key="tag" :value="tag">{{ t('language.' + tag) }}</option>
              </select>
            </div>
            <div class="field">
              <label for="setup-timezone">{{ t('setup.timeZone') }}</label>
              <select id="setup-timezone" v-model="form.timeZone">
                <option v-for="zone in timeZones" :key="zone" :value="zone">{{ zone }}</option>
              </select>
            </div>
          </div>
          <h2>{{ t('setup.administrator') }}</h2>
          <div class="row">
            <div class="field">
              <label for="setup-admin-username">{{ t('field.username') }}</label>
              <input id="setup-admin-username" type="text" v-model="form.adminUsername" maxlength="64"
                autocomplete="username" required>
            </div>
            <div class="field">
              <label for="setup-admin-display-name">{{ t('field.displayName') }}</label>
              <input id="setup-admin-display-name" type="text" v-model="form.adminDisplayName" maxlength="100" required>
            </div>
          </div>
          <div class="field">
            <label for="setup-admin-email">{{ t('field.email') }}</label>
            <input id="setup-admin-email" type="email" v-model="form.adminEmail" maxlength="254" required>
          </div>
          <div class="row">
            <div class="field">
              <label for="setup-admin-password">{{ t('field.password') }}</label>
              <input id="setup-admin-password" type="password" v-model="form.adminPassword"
                autocomplete="new-password" required>
            </div>
            <div class="field">
              <label for="setup-admin-password-confirm">{{ t('field.passwordConfirm') }}</label>
              <input id="setup-admin-password-confirm" type="password" v-model="form.confirm"
                autocomplete="new-password" required>
            </div>
          </div>
          <p class="hint muted small">{{ passwordHint }}</p>
          <div class="problem" v-if="mismatch" role="alert">{{ t('password.mismatch') }}</div>
          <ProblemMessage :problem="problem" />
          <div class="actions">
            <button id="setup-submit" class="primary" type="submit" :disabled="busy">{{ t('setup.submit') }}</button>
          </div>
        </form>
      </div>
    </main>`,
};

createApp(SetupPage).mount('#app');
