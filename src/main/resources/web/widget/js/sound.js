// A short two-tone chime made with WebAudio (no audio files). Browsers only allow sound after
// the visitor has interacted with this frame, so the AudioContext is created on the first
// click or key press inside it; before that, chime() does nothing.

let context = null;

function unlock() {
  if (context) {
    if (context.state === 'suspended') context.resume().catch(() => null);
    return;
  }
  const AudioContext = window.AudioContext || window.webkitAudioContext;
  if (!AudioContext) return;
  try {
    context = new AudioContext();
    if (context.state === 'suspended') context.resume().catch(() => null);
  } catch {
    context = null;
  }
}

export function enableSoundOnInteraction() {
  window.addEventListener('pointerdown', unlock, { capture: true, passive: true });
  window.addEventListener('keydown', unlock, { capture: true, passive: true });
}

export function chime() {
  if (!context || context.state !== 'running') return;
  try {
    const start = context.currentTime + 0.01;
    [[880, 0], [1320, 0.12]].forEach(([frequency, offset]) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.12, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.22);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.25);
    });
  } catch {
    // sound is a nicety
  }
}
