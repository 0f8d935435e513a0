// Why no conversations arrive: the agent is offline or away. After signing in offline it asks
// whether to go online, on any screen, until he answers or chooses a status (closable); in the
// inbox it stays while the agent is not online (`persistent`). One button goes online.
import { ref, computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { myStatus, setMyStatus } from './myStatus.js';

export default {
  name: 'StatusNotice',
  props: { persistent: { type: Boolean, default: false } },
  setup(props) {
    const closed = ref(false);
    const shown = computed(() => props.persistent
      ? myStatus.status === 'offline' || myStatus.status === 'away'
      : myStatus.status === 'offline' && myStatus.startedOffline && !closed.value);
    const goOnline = () => setMyStatus('online');
    return { myStatus, shown, closed, goOnline, t };
  },
  template: `
    <div v-if="shown" class="status-notice" :class="{ persistent }" :data-status="myStatus.status"
      :id="persistent ? 'inbox-status-notice' : 'status-prompt'" role="status">
      <span class="status-dot" :class="myStatus.status" aria-hidden="true"></span>
      <span class="grow">{{ t(!persistent ? 'agentStatus.prompt'
        : myStatus.status === 'away' ? 'agentStatus.notice.away' : 'agentStatus.notice.offline') }}</span>
      <button type="button" class="primary" data-go-online :disabled="myStatus.busy" @click="goOnline">{{ t('agentStatus.goOnline') }}</button>
      <button v-if="!persistent" type="button" class="link" data-close @click="closed = true">{{ t('agentStatus.notNow') }}</button>
    </div>`,
};
