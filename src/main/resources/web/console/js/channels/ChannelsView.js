// Chat channels: the websites (widget) and apps (API) conversations come from. List,
// add, edit, disable, delete; the embed snippet and identity secret live in the editor.
import { ref, computed, onMounted } from 'vue';
import { t, formatInstant } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';
import ChannelEditor from './ChannelEditor.js';

export default {
  name: 'ChannelsView',
  components: { ProblemMessage, ChannelEditor },
  setup() {
    const channels = ref([]);
    const loading = ref(false);
    const problem = ref(null);
    const editing = ref(null);
    const notice = ref('');
    const timeZone = computed(() => session.me.organisation.timeZone);

    async function load() {
      loading.value = true;
      problem.value = null;
      try {
        channels.value = await get('/api/v1/channels');
      } catch (failure) {
        problem.value = failure;
      } finally {
        loading.value = false;
      }
    }
    onMounted(load);

    function open(channel) {
      notice.value = '';
      editing.value = { channel };
    }

    /** Saved or created: refresh the table; a new channel stays open so its snippet can be copied. */
    function saved(event) {
      notice.value = event.message || '';
      if (event.channel) editing.value = { channel: event.channel };
      else editing.value = null;
      load();
    }

    function origins(channel) {
      return (channel.allowedOrigins || []).join(', ');
    }

    return { channels, loading, problem, editing, notice, timeZone, open, saved, origins, formatInstant, t };
  },
  template: `
    <div>
      <h1>{{ t('channels.title') }}</h1>
      <p class="muted">{{ t('channels.intro') }}</p>
      <div class="toolbar">
        <div class="grow"></div>
        <button id="channel-new" class="primary" type="button" @click="open(null)">{{ t('channels.new') }}</button>
      </div>
      <div class="notice" v-if="notice">{{ notice }}</div>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap" style="padding:0">
        <table>
          <thead>
            <tr>
              <th>{{ t('field.name') }}</th>
              <th>{{ t('channels.kind') }}</th>
              <th>{{ t('channels.key') }}</th>
              <th>{{ t('channels.origins') }}</th>
              <th>{{ t('field.status') }}</th>
              <th>{{ t('channels.createdAt') }}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="channel in channels" :key="channel.id" :data-channel="channel.name">
              <td class="wrap"><span class="swatch" :style="{ background: channel.color }" aria-hidden="true"></span>{{ channel.name }}</td>
              <td><span class="badge">{{ t('channels.kind.' + channel.kind) }}</span></td>
              <td><code class="channel-key">{{ channel.key }}</code></td>
              <td class="wrap small">{{ channel.kind === 'website' ? origins(channel) : '—' }}</td>
              <td>
                <span v-if="channel.enabled" class="badge ok">{{ t('channels.enabled') }}</span>
                <span v-else class="badge off">{{ t('channels.disabled') }}</span>
              </td>
              <td class="small muted">{{ formatInstant(channel.createdAt, timeZone) }}</td>
              <td><button class="link" type="button" :data-edit="channel.name" @click="open(channel)">{{ t('action.edit') }}</button></td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="!loading && !channels.length">{{ t('channels.none') }}</div>
      </div>
      <ChannelEditor v-if="editing" :key="editing.channel ? editing.channel.id : 'new'" :channel="editing.channel"
        @saved="saved" @close="editing = null" />
    </div>`,
};
