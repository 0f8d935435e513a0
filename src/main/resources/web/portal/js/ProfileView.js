// The signed-in customer's profile: name, phone, language and time zone (his customer
// record, as agents see it), a new e-mail address (password, then the new address's
// link) and a new password.
import { ref, reactive, onMounted } from 'vue';
import { get, put, post } from '../../shared/js/api.js';
import { t, useLanguage, LANGUAGES } from '../../shared/js/i18n.js';
import ProblemMessage from '../../shared/js/ProblemMessage.js';
import { portal } from './portalSession.js';

const NAMES = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' };

function zones() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Asia/Shanghai', 'Asia/Taipei', 'Asia/Hong_Kong', 'Europe/London', 'America/New_York'];
  }
}

export default {
  name: 'ProfileView',
  components: { ProblemMessage },
  setup() {
    const form = reactive({ name: '', phone: '', language: '', timeZone: '' });
    const email = ref('');
    const pendingEmail = ref(null);
    const saved = ref(false);
    const problem = ref(null);
    const change = reactive({ email: '', password: '', sent: false, problem: null });
    const password = reactive({ current: '', chosen: '', done: false, problem: null });
    const timeZones = zones();

    function show(profile) {
      Object.assign(form, { name: profile.name || '', phone: profile.phone || '', language: profile.language || '',
        timeZone: profile.timeZone || '' });
      email.value = profile.email;
      pendingEmail.value = profile.pendingEmail;
      portal.me = profile;
    }

    onMounted(async () => {
      try {
        show(await get('/api/v1/portal/profile'));
      } catch (failure) {
        problem.value = failure;
      }
    });

    async function save() {
      saved.value = false;
      problem.value = null;
      try {
        show(await put('/api/v1/portal/profile', { ...form }));
        saved.value = true;
        if (form.language) await useLanguage(form.language, true);
      } catch (failure) {
        problem.value = failure;
      }
    }

    async function changeEmail() {
      change.problem = null;
      try {
        await post('/api/v1/portal/profile/email', { email: change.email, password: change.password });
        change.sent = true;
        pendingEmail.value = change.email;
        change.password = '';
      } catch (failure) {
        change.problem = failure;
      }
    }

    async function changePassword() {
      password.problem = null;
      password.done = false;
      try {
        await post('/api/v1/portal/profile/password', { currentPassword: password.current, newPassword: password.chosen });
        password.done = true;
        password.current = '';
        password.chosen = '';
      } catch (failure) {
        password.problem = failure;
      }
    }

    return { t, form, email, pendingEmail, saved, problem, change, password, timeZones, save, changeEmail,
      changePassword, LANGUAGES, NAMES };
  },
  template: `
    <section class="portal-card wide">
      <h1>{{ t('portal.profile.title') }}</h1>
      <p class="muted">{{ t('portal.profile.signedInAs', { email }) }}</p>
      <ProblemMessage id="profile-problem" :problem="problem" />
      <div v-if="saved" id="profile-saved" class="notice ok" role="status">{{ t('portal.profile.saved') }}</div>
      <form @submit.prevent="save" class="portal-form">
        <label>{{ t('portal.field.name') }}<input id="profile-name" v-model="form.name" autocomplete="name" maxlength="100"></label>
        <label>{{ t('portal.field.phone') }}<input id="profile-phone" v-model="form.phone" type="tel" autocomplete="tel" maxlength="32"></label>
        <label>{{ t('portal.field.language') }}
          <select id="profile-language" v-model="form.language">
            <option value="">{{ t('portal.profile.none') }}</option>
            <option v-for="tag in LANGUAGES" :key="tag" :value="tag">{{ NAMES[tag] }}</option>
          </select>
        </label>
        <label>{{ t('portal.field.timeZone') }}
          <select id="profile-timezone" v-model="form.timeZone">
            <option value="">{{ t('portal.profile.none') }}</option>
            <option v-for="zone in timeZones" :key="zone" :value="zone">{{ zone }}</option>
          </select>
        </label>
        <button id="profile-save" class="primary">{{ t('portal.profile.save') }}</button>
      </form>

      <h2>{{ t('portal.email.title') }}</h2>
      <p v-if="pendingEmail" id="email-pending" class="notice" role="status">{{ t('portal.email.pending', { email: pendingEmail }) }}</p>
      <ProblemMessage :problem="change.problem" />
      <form @submit.prevent="changeEmail" class="portal-form">
        <label>{{ t('portal.field.newEmail') }}<input id="email-new" v-model="change.email" type="email" autocomplete="email" required maxlength="254"></label>
        <label>{{ t('portal.field.password') }}<input id="email-password" v-model="change.password" type="password" autocomplete="current-password" required maxlength="128"></label>
        <button id="email-submit">{{ t('portal.email.submit') }}</button>
      </form>

      <h2>{{ t('portal.password.title') }}</h2>
      <div v-if="password.done" id="password-done" class="notice ok" role="status">{{ t('portal.password.done') }}</div>
      <ProblemMessage :problem="password.problem" />
      <form @submit.prevent="changePassword" class="portal-form">
        <label>{{ t('portal.field.currentPassword') }}<input id="password-current" v-model="password.current" type="password" autocomplete="current-password" required maxlength="128"></label>
        <label>{{ t('portal.field.newPassword') }}<input id="password-new" v-model="password.chosen" type="password" autocomplete="new-password" required maxlength="128"></label>
        <button id="password-submit">{{ t('portal.password.submit') }}</button>
      </form>
    </section>`,
};
