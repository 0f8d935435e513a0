// My profile, for every signed-in staff member: name, e-mail, phone, the language of one's
// e-mails, which channels reach one for which event, and where one is signed in.
import { ref, reactive, onMounted, computed } from 'vue';
import { t, LANGUAGES } from '../../../shared/js/i18n.js';
import { get, put } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import TwoFactorCard from './TwoFactorCard.js';
import { session, loadSession } from '../session.js';
import SessionList from '../users/SessionList.js';

export default {
  name: 'ProfileView',
  components: { ProblemMessage, TwoFactorCard, SessionList },
  setup() {
    const form = reactive({ displayName: '', email: '', phone: '', language: '', currentPassword: '' });
    const loadedEmail = ref('');
    // a new address is where password resets go: it takes the current password
    const emailChanged = computed(() => form.email.trim() !== loadedEmail.value);
    const username = ref('');
    const problem = ref(null);
    const saved = ref(false);
    const busy = ref(false);
    const matrix = ref(null);
    const choices = reactive({});
    const prefProblem = ref(null);
    const prefSaved = ref(false);
    const prefBusy = ref(false);
    const organisationLanguage = computed(() => t('language.' + ((session.me && session.me.organisation.language) || 'en')));

    function fill(profile) {
      username.value = profile.username;
      Object.assign(form, { displayName: profile.displayName || '', email: profile.email || '',
        phone: profile.phone || '', language: profile.language || '', currentPassword: '' });
      loadedEmail.value = profile.email || '';
    }

    function fillPreferences(view) {
      matrix.value = { events: view.events, channels: view.channels };
      for (const preference of view.preferences) choices[preference.event + '/' + preference.channel] = preference.enabled;
    }

    onMounted(async () => {
      try {
        fill(await get('/api/v1/me/profile'));
        fillPreferences(await get('/api/v1/me/notification-preferences'));
      } catch (failure) {
        problem.value = failure;
      }
    });

    async function save() {
      problem.value = null;
      saved.value = false;
      busy.value = true;
      try {
        fill(await put('/api/v1/me/profile', { displayName: form.displayName, email: form.email.trim(),
          phone: form.phone.trim(), language: form.language || null,
          currentPassword: emailChanged.value ? form.currentPassword : null }));
        saved.value = true;
        await loadSession();
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function savePreferences() {
      prefProblem.value = null;
      prefSaved.value = false;
      prefBusy.value = true;
      try {
        const preferences = Object.entries(choices).map(([key, enabled]) => {
          const [event, channel] = key.split('/');
          return { event, channel, enabled };
        });
        fillPreferences(await put('/api/v1/me/notification-preferences', { preferences }));
        prefSaved.value = true;
      } catch (failure) {
        prefProblem.value = failure;
      } finally {
        prefBusy.value = false;
      }
    }

    return { form, emailChanged, username, problem, saved, busy, matrix, choices, prefProblem, prefSaved, prefBusy,
      organisationLanguage, LANGUAGES, save, savePreferences, t };
  },
  template: `
    <section class="profile-page">
      <h1>{{ t('profile.title') }}</h1>
      <p class="muted">{{ t('profile.intro') }}</p>
      <div class="profile-cards">
      <form class="card" id="profile-form" @submit.prevent="save">
        <div class="field">
          <label for="profile-username">{{ t('field.username') }}</label>
          <input id="profile-username" type="text" :value="username" disabled>
        </div>
        <div class="field">
          <label for="profile-name">{{ t('field.displayName') }}</label>
          <input id="profile-name" type="text" v-model="form.displayName" maxlength="100" required autocomplete="name">
        </div>
        <div class="field">
          <label for="profile-email">{{ t('field.email') }}</label>
          <input id="profile-email" type="email" v-model="form.email" maxlength="254" autocomplete="email">
        </div>
        <div class="field" v-if="emailChanged">
          <label for="profile-current-password">{{ t('password.current') }}</label>
          <input id="profile-current-password" type="password" v-model="form.currentPassword" autocomplete="current-password" required>
          <div class="hint">{{ t('profile.emailNeedsPassword') }}</div>
        </div>
        <div class="field">
          <label for="profile-phone">{{ t('field.phone') }}</label>
          <input id="profile-phone" type="tel" v-model="form.phone" maxlength="32" autocomplete="tel">
        </div>
        <div class="field">
          <label for="profile-language">{{ t('profile.language') }}</label>
          <select id="profile-language" v-model="form.language">
            <option value="">{{ t('profile.language.organisation', { language: organisationLanguage }) }}</option>
            <option v-for="tag in LANGUAGES" :key="tag" :value="tag">{{ t('language.' + tag) }}</option>
          </select>
        </div>
        <ProblemMessage :problem="problem" />
        <div id="profile-saved" class="notice" v-if="saved" role="status">{{ t('profile.saved') }}</div>
        <div class="actions">
          <button id="profile-save" class="primary" type="submit" :disabled="busy">{{ t('action.save') }}</button>
          <router-link to="/password">{{ t('nav.password') }}</router-link>
        </div>
      </form>
      <form class="card" id="preferences-form" v-if="matrix" @submit.prevent="savePreferences">
        <h2>{{ t('profile.notifications.title') }}</h2>
        <p class="muted small">{{ t('profile.notifications.intro') }}</p>
        <div class="table-wrap">
          <table class="preferences">
            <thead>
              <tr><th>{{ t('profile.notifications.event') }}</th>
                <th v-for="channel in matrix.channels" :key="channel" class="center">{{ t('profile.channel.' + channel) }}</th></tr>
            </thead>
            <tbody>
              <tr v-for="event in matrix.events" :key="event" :data-event="event">
                <td :id="'pref-label-' + event">{{ t('profile.event.' + event) }}</td>
                <td v-for="channel in matrix.channels" :key="channel" class="center">
                  <input type="checkbox" :id="'pref-' + event + '-' + channel" v-model="choices[event + '/' + channel]"
                    :aria-label="t('profile.event.' + event) + ' – ' + t('profile.channel.' + channel)">
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <ProblemMessage :problem="prefProblem" />
        <div id="preferences-saved" class="notice" v-if="prefSaved" role="status">{{ t('profile.notifications.saved') }}</div>
        <div class="actions">
          <button id="preferences-save" class="primary" type="submit" :disabled="prefBusy">{{ t('action.save') }}</button>
        </div>
      </form>
      <TwoFactorCard />
      <section class="card" id="own-sessions">
        <h2>{{ t('sessions.title') }}</h2>
        <SessionList base="/api/v1/session/sessions" :own="true" />
      </section>
      </div>
    </section>`,
};
