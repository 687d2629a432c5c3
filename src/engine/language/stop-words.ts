// Word lists that carry no topic: function words, request phrasing, and generic API verbs.

/** English function words: never evidence that an operation fits a message. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor so if then than that this these those there here it its it's is are was were be
  been being am do does did doing done have has had having i i'm me my mine myself we us our ours you your
  yours yourself he him his she her hers they them their theirs what which who whom whose when where why how
  of in on at to from by with without for about into onto over under above below between through during
  before after up down out off again once also just only very too not no yes any some all each every both
  either neither other such own same more most less much many few can could would should will shall may
  might must let lets let's please kindly thanks thank hi hello hey ok okay oh well really actually maybe
  as per via like im ive id dont don't doesn't isn't aren't wasn't won't can't cannot i'd i'll you're
  there's what's where's how's that's s t d ll m re ve e g eg ie etc st nd rd th`.split(/\s+/),
);

/**
 * Words that phrase a request or name a generic action ("show me", "calculate", "tell me"): they say that
 * something is wanted, not what, so they weigh little when choosing an operation and are dropped from
 * free-text values such as a search keyword.
 */
export const REQUEST_WORDS: ReadonlySet<string> = new Set(
  `show tell give get got fetch find look looking search searching want wanted need needs needed like love
  know let see check help assist provide retrieve display list bring pull use using
  used call make do please could would can able possible wonder wondering interested trying try go going
  calculate compute determine evaluate perform run execute obtain request requested query information info
  detail details data result results value values thing things stuff something anything current currently
  specific specified given certain particular new customer customers`.split(/\s+/),
);

/** Whether a lower-case word is a function word. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
