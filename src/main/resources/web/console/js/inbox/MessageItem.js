// One message of a conversation: text (links clickable, everything else plain text), an
// image or a file, or a system event; own messages show whether they were sent and read.
import { computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { textParts, safeUrl, fileSize, eventText, clockTime } from './format.js';
import { PaperClip } from './icons.js';
import StaffAvatar from '../avatars/StaffAvatar.js';

export default {
  name: 'MessageItem',
  components: { ProblemMessage, PaperClip, StaffAvatar },
  props: {
    message: Object,
    /** sending | sent | read | failed for own messages, null for the others. */
    state: String,
    timeZone: String,
    problem: Object,
  },
  emits: ['retry', 'media-load'],
  setup(props) {
    const side = computed(() => {
      const kind = props.message.sender ? props.message.sender.kind : 'system';
      if (props.message.kind === 'event' || kind === 'system') return 'system';
      return kind === 'visitor' ? 'visitor' : 'agent';
    });
    const parts = computed(() => textParts(props.message.text));
    const attachment = computed(() => {
      const file = props.message.attachment;
      if (!file) return null;
      return {
        name: file.name,
        url: safeUrl(file.url),
        thumbnail: safeUrl(file.thumbnailUrl),
        image: !!file.image,
        size: fileSize(file.size),
        width: file.width,
        height: file.height,
      };
    });
    const event = computed(() => eventText(props.message.event));
    const time = computed(() => clockTime(props.message.createdAt, props.timeZone));
    const senderName = computed(() => (props.message.sender && props.message.sender.name) || '');
    return { side, parts, attachment, event, time, senderName, t };
  },
  template: `
    <div class="message" :class="[side, { own: !!state }]" :data-seq="message.seq != null ? message.seq : null"
      :data-client-id="message.clientId || null" :data-state="state || null">
      <div v-if="side === 'system'" class="event">{{ event }} <span class="time" v-if="time">· {{ time }}</span></div>
      <template v-else>
        <div class="bubble">
          <div v-if="message.kind === 'attachment' && attachment" class="attachment">
            <a v-if="attachment.image && attachment.thumbnail" :href="attachment.url" target="_blank" rel="noopener noreferrer"
              class="image-link" :title="attachment.name">
              <img :src="attachment.thumbnail" :alt="attachment.name" loading="lazy" @load="$emit('media-load')">
            </a>
            <a v-else-if="attachment.url" :href="attachment.url" :download="attachment.name" class="file-link">
              <PaperClip /> <span class="file-name">{{ attachment.name }}</span>
              <span class="file-size muted small">{{ attachment.size }}</span>
            </a>
            <span v-else class="file-link"><PaperClip /> {{ attachment.name }}
              <span class="file-size muted small">{{ attachment.size }}</span></span>
          </div>
          <div v-else-if="message.kind === 'attachment'" class="text"><PaperClip /> {{ message.text }}</div>
          <div v-else class="text"><template v-for="(part, index) in parts" :key="index"><a v-if="part.href" :href="part.href"
            target="_blank" rel="noopener noreferrer nofollow">{{ part.text }}</a><template v-else>{{ part.text }}</template></template></div>
        </div>
        <div class="meta">
          <span v-if="side === 'agent' && senderName" class="sender"><StaffAvatar :name="senderName"
            :url="message.sender.avatarUrl" :size="18" />{{ senderName }}</span>
          <span class="time">{{ time }}</span>
          <span v-if="state" class="state" :title="t('inbox.state.' + state)">{{ t('inbox.stateMark.' + state) }}</span>
          <button v-if="state === 'failed'" type="button" class="link small" data-retry @click="$emit('retry')">{{ t('inbox.retry') }}</button>
        </div>
        <ProblemMessage v-if="problem" :problem="problem" />
      </template>
    </div>`,
};
