/**
 * Messages that are not questions about the coverage, as data: small talk, requests for help, questions
 * about what the bot holds, follow-ups that need an earlier answer. Each list is matched against the whole
 * message (lower case, punctuation and emoji taken out, filler words dropped), so "thanks bot 🙏" is thanks
 * but "thanks to the coalition, what changed?" is a question.
 */
import { SPEECH_VERBS } from '../text/words/speechVerbs.js';

/** Words that may stand around small talk without changing it ("hi there bot", "thanks so much mate"). */
export const FILLER = ['bot', 'there', 'mate', 'guys', 'all', 'everyone', 'pls', 'please', 'so', 'much', 'very', 'again', 'a', 'lot', 'lots', 'man', 'bro', 'fam', 'buddy', 'friend', 'dude', 'partner', 'pal', 'folks', 'gang', 'lads', 'chaps', 'peeps', 'you', 'u', 'ya', 'ye', 'yall', 'again', 'btw', 'just', 'oh', 'ah', 'well', 'then', 'for', 'that', 'the', 'info', 'help', 'answer', 'one', 'now', 'honestly', 'really'];

export type ChatIntent = 'greeting' | 'thanks' | 'farewell' | 'acknowledgement' | 'help';

/** Whole messages (after filler is dropped) of each kind of small talk. */
export const CHAT: Record<Exclude<ChatIntent, 'help'>, string[]> = {
  greeting: ['hi', 'hello', 'hey', 'heya', 'hiya', 'howdy', 'hows it goin', 'how goes it', 'whats good', 'whats new', 'top of the morning', 'yo', 'sup', 'wassup', 'whats up', 'good morning', 'good afternoon', 'good evening', 'morning', 'evening', 'gm', 'greetings', 'hallo', 'hullo', 'how are', 'how are doing', 'how are today', 'how are doing today', 'hows it going', 'how is it going', 'hows your day', 'how is your day', 'bonjour', 'salut', 'hola', 'ciao', 'privet', 'pryvit', 'guten tag', 'buongiorno'],
  thanks: ['thanks', 'thank', 'thank you', 'ta', 'ta very much', 'appreciate the help', 'appreciate your help', 'thanks for the help', 'thanks for your help', 'much obliged', 'thx', 'ty', 'tysm', 'thankyou', 'cheers', 'nice', 'nice one', 'great', 'great thanks', 'awesome', 'perfect', 'brilliant', 'legend', 'appreciated', 'appreciate it', 'much appreciated', 'good bot', 'great bot', 'nice bot', 'good job', 'great job', 'nice job', 'well done', 'cool thanks', 'ok thanks', 'thanks a lot', 'useful', 'helpful', 'very useful', 'very helpful', 'so helpful', 'pretty useful', 'pretty helpful', 'youre useful', 'youre helpful', 'youre pretty useful', 'youre pretty helpful', 'youre so helpful', 'youre great', 'youre good', 'youre amazing', 'youre awesome', 'youre brilliant', 'youre the best', 'love this bot', 'love this', 'that helps', 'that helped', 'merci', 'merci beaucoup', 'gracias', 'danke', 'danke schon', 'grazie', 'dyakuyu', 'spasibo', 'dziekuje'],
  farewell: ['bye', 'goodbye', 'good bye', 'bye bye', 'see ya', 'see you', 'cya', 'later', 'laters', 'good night', 'gn', 'night', 'ttyl', 'catch you later', 'catch ya later', 'catch ya', 'talk later', 'talk soon', 'peace out', 'im off', 'gotta go', 'got to go', 'take care', 'bye for now'],
  acknowledgement: ['ok', 'okay', 'k', 'kk', 'cool', 'ok cool', 'okay cool', 'alright', 'right', 'sure', 'got it', 'i see', 'lol', 'lmao', 'haha', 'hahaha', 'ha', 'nice', 'wow', 'interesting', 'hmm', 'hm', 'yes', 'yeah', 'yep', 'no', 'nope', 'fair enough', 'makes sense', 'noted', 'wild', 'thats wild', 'crazy', 'thats crazy', 'insane', 'thats insane', 'mad', 'thats mad', 'damn', 'wow thats wild', 'thats interesting', 'thats cool'],
};

/** Words of praise: a short message of them that asks nothing of the coverage thanks the bot ("ngl ur kinda goated bot"). Data only. */
export const PRAISE_WORDS = [
  'goated', 'goat', 'based', 'legend', 'legendary', 'amazing', 'awesome', 'brilliant', 'great', 'helpful', 'useful', 'smart', 'clever', 'genius',
  'fire', 'slaps', 'lit', 'sick', 'class', 'quality', 'mint', 'ace', 'banger', 'best', 'goodest', 'superb', 'excellent', 'fantastic', 'incredible',
  'impressive', 'cracking', 'top', 'lifesaver', 'star', 'hero', 'wizard', 'champ',
];

/**
 * What people put before a question that asks nothing itself ("quick question, who leads the force?", "hey so, …"),
 * besides small talk: taken off before the question is read and searched.
 */
export const PREAMBLES = [
  'question', 'quick question', 'quick q', 'q', 'qq', 'random question', 'random q', 'genuine question', 'honest question', 'serious question', 'dumb question', 'stupid question',
  'silly question', 'another question', 'one more question', 'follow up question', 'i have a question', 'i got a question', 'question for you',
  'so', 'ok so', 'okay so', 'right so', 'well', 'um', 'umm', 'uh', 'erm', 'hmm', 'wait', 'also', 'and also', 'one more thing', 'sorry',
];

/** Requests for help that could also ask about the coverage ("what can you tell me about the hubs"): help only when nothing else is asked. */
export const HELP_LOOSE: RegExp[] = [
  /\bwhat (?:can|could|do|should|would) (?:you|u|i)\b/,
  /\b(?:can|could|will|would) (?:you|u) (?:\w+ )?help\b/,
  /\bhelp (?:me )?(?:with|out)\b/,
  /\bwhat (?:are|r) (?:you|u) (?:\w+ )?(?:for|good at|able)\b/,
  // "what kind of stuff do you know", "can i ask you anything", "what's this bot for".
  /\bwhat (?:kinds?|sorts?|types?) of (?:stuff|things|questions|info|information|topics)\b.*\b(?:you|u)\b/,
  /\bcan (?:i|we) ask (?:you |u )?(?:anything|whatever|stuff|questions|things)\b/,
  /\bwhats? (?:this|the|that) bot (?:for|about|do)\b/,
];

/** Requests for help with the bot itself, matched anywhere in a short message. */
export const HELP: RegExp[] = [
  /^help\b/,
  /\bhow (?:do|can|should) i (?:use|ask|talk to|phrase|word)\b/,
  /\bwhat (?:can|do|should) (?:you|u|i) (?:do|ask)\b/,
  /\bwhat are (?:you|u)\b/,
  /\bwho are (?:you|u)\b/,
  /\bhow does (?:this|it|the bot) work\b/,
  /\bhow (?:this|it|the bot|this bot|you) works?\b/,
  /\bwhat (?:kind|kinds|sort|sorts|type|types) of (?:questions|things|stuff) (?:can|could|should|do) (?:i|we) ask\b/,
  /\b(?:commands|instructions|usage)\b/,
  /\b(?:are|r) (?:you|u) (?:a |an )?(?:bot|robot|ai|human|person|real|chatgpt|gpt)\b/,
  /\bwho (?:made|built|created|wrote|programmed|runs|owns|coded) (?:you|u|this bot|this|the bot)\b/,
  /\bwhat (?:is|s) this bot\b/,
];

/** Tasks that are not questions about the coverage, in any clause of any message: "write me a poem about peace", "tell me a joke", "could you give me a recipe for beef bourguignon? since we're talking about France anyway". */
export const TASKS: RegExp[] = [
  /\b(?:write|compose|draw|generate|create|make|sing|tell|give)(?: me| us)? (?:a |an |some |another )?(?:(?:short|long|quick|funny|little|good|nice|simple) )?(?:poem|song|story|essay|joke|picture|image|drawing|haiku|rap|limerick|meme|riddle|recipe|code|program|script)s?\b/,
];

/** Words that ask what the bot holds rather than name a topic: "which outlets covered this?", "list ur sources". */
export const COVERAGE_WORDS = [
  'which', 'what', 'outlet', 'outlets', 'source', 'sources', 'article', 'articles', 'paper', 'papers', 'newspaper', 'newspapers', 'site', 'sites',
  'link', 'links', 'url', 'urls', 'publication', 'publications', 'cover', 'covered', 'covering', 'coverage', 'report', 'reported', 'reporting',
  'have', 'got', 'use', 'using', 'know', 'indexed', 'index', 'list', 'show', 'give', 'me', 'your', 'ur', 'do', 'does', 'did', 'you', 'u', 'are',
  'is', 'this', 'it', 'these', 'there', 'any', 'all', 'the', 'to', 'of', 'on', 'from', 'in', 'pls', 'please', 'can', 'i', 'see', 'news', 'read',
  'where', 'come', 'comes', 'info', 'information', 'data', 'based', 'many', 'how', 'story', 'stories', 'media', 'a', 'an', 'with', 'by',
  'for', 'about', 'thing', 'topic', 'event', 'stuff', 'whole', 'at', 'so', 'far', 'currently', 'now', 'we', 'got', 'get', 'draw', 'drawing',
  'database', 'corpus', 'library', 'collection', 'include', 'included', 'includes', 'up', 'date', 'latest', 'newest', 'recent', 'most',
  'current', 'old', 'new', 'whats', 'what’s', 'which', 'were', 'was', 'been', 'has', 'broadcaster', 'broadcasters', 'channel', 'channels',
  'big', 'like', 'just', 'other', 'or', 'only', 'answers', 'answer', 'foreign', 'international', 'local', 'too', 'also', 'one', 'among', 'amongst',
];
/** Asking what the bot holds without naming outlets or articles. */
export const COVERAGE_QUESTIONS: RegExp[] = [
  /^what (?:do|have) (?:you|u) (?:got|have|know|cover)\b/,
  /^what (?:is|s) (?:in )?(?:your|ur) (?:index|corpus|database)\b/,
  // "do you have anything from the bbc": the reply lists the outlets there are.
  /^(?:do|have|did) (?:you|u) (?:have|got|get|index|cover) (?:any(?:thing)?|something|stuff|articles?|stories|coverage) (?:from|by|in)\b/,
  // "is there anything from the bbc in what you've got": asked of what the bot holds.
  /^(?:is|are) there (?:any(?:thing)?|something|stuff|any articles?|articles?|stories|coverage) (?:from|by)\b.*\b(?:you|u|youve|uve|your|ur)\b/,
];
/** A coverage question names what it asks about with one of these. */
export const COVERAGE_NOUNS = /\b(?:outlets?|reports?|write-?ups?|broadcasters?|channels?|sources?|articles?|papers?|newspapers?|sites?|links?|urls?|publications?|coverage|stories|media|news|info|information|database|corpus)\b/;

/** A follow-up that only makes sense after an earlier answer ("what else did he say?", "tell me more"). */
export const FOLLOW_UP: RegExp[] = [
  /\b(?:what|anything|who) else\b/,
  /\b(?:tell|show|give) (?:me|us) more\b/,
  /^more\b/,
  /\b(?:expand|elaborate|go on|continue|keep going)\b/,
  /\bmore (?:about|on) (?:that|this|it|him|her|them)\b/,
  /^(?:say|tell|give|show)(?: (?:me|us))? more\b/,
  /\bwhat do (?:you|u) mean\b/,
  /\b(?:he|she|they|him|her|them|his|their)\b/,
  /\b(?:that|this|it)\b/,
  /\b(?:the )?other (?:one|guy|person|side)\b/,
  // A bare question word or a reaction ("why?", "wait what", "how so", "really?"): about whatever was said before.
  /^(?:(?:lol|lmao|wait|huh|so|and|but|ok|okay|oh|hm+|um+)\s+)*(?:what|why|how|when|where|who|really|huh|how so|why not|like what|such as|meaning|seriously|how come)$/,
];
/** Words a follow-up may carry besides its pronouns: none of them names what it is about. */
export const FOLLOW_UP_WORDS = [
  'else', 'more', 'expand', 'elaborate', 'go', 'continue', 'keep', 'going', 'tell', 'show', 'give', 'say', 'said', 'says', 'mean', 'meant',
  'talk', 'explain', 'detail', 'details', 'further', 'add', 'added', 'think', 'thought', 'also', 'other', 'another', 'thing', 'things', 'about',
  'one', 'guy', 'person', 'side', 'ok', 'okay', 'why', 'really', 'happened', 'happen', 'lol', 'lmao', 'huh', 'wait', 'seriously', 'meaning',
  'come', 'like', 'hang', 'last', 'bit', 'part', 'earlier', 'previous', 'above', 'who',
  // "did they agree with that?", "which outlet was that from again?": about an earlier answer.
  'agree', 'agreed', 'disagree', 'outlet', 'source', 'article', 'again',
  // "can you explain that last bit more": a part of the answer before.
  'last', 'bit', 'part', 'previous', 'earlier', 'answer',
  // "can you say more about that second point?", "is that the same as what the first article said?"
  'point', 'points', 'first', 'second', 'third', 'same', 'different', 'difference',
  // "wait what did he say next", "expand on the second point you mentioned".
  'next', 'then', 'after', 'mention', 'mentioned',
];

/**
 * Asking for the coverage as a whole ("what happened?", "tl;dr", "catch me up", "give me the gist"), matched on
 * lower-case words without apostrophes ("whats"); with OVERVIEW_WORDS, nothing else may be named.
 */
export const OVERVIEW_REQUESTS: RegExp[] = [
  /^(?:tl dr|tldr|tl dr pls|tldr pls)$/,
  /\b(?:tl dr|tldr)\b/,
  /\bwhat(?:s| has| is)? (?:happened|happening|going on|the story|the latest|the news|new)\b/,
  /\b(?:catch|fill) (?:me|us) (?:up|in)\b/,
  /\bsum (?:it|this|that|things|everything) up\b/,
  /\bin a nutshell\b/,
  /\bwhats (?:this|it|all this|this all) (?:all )?about\b/,
  /\b(?:summary|summarise|summarize|recap|rundown|overview|gist|main points|key points|highlights|big picture)\b/,
];
/** Words an overview request may carry besides the topic's own name: none of them names what it is about. */
export const OVERVIEW_WORDS = [
  'tl', 'dr', 'tldr', 'happen', 'happened', 'happening', 'going', 'story', 'latest', 'news', 'new', 'catch', 'fill', 'sum', 'nutshell',
  'summary', 'summarise', 'summarize', 'recap', 'rundown', 'overview', 'gist', 'main', 'key', 'point', 'points', 'highlights', 'big',
  'picture', 'give', 'tell', 'show', 'quick', 'quickly', 'brief', 'briefly', 'short', 'whole', 'overall', 'basically', 'thing', 'things',
  'everything', 'about', 'pls', 'plz', 'please', 'so', 'far', 'whats',
];

/** "Who said …?", "who called it …", "who dubbed …": the verbs (and common misspellings) that ask for a speaker. */
/** Ways of asking who said something besides the reporting verbs copy uses: "who was like", "who came up with". */
const WHO_SAID_EXTRA = ['was like', 'is like', 'went', 'goes', 'sed', 'sayed', 'say', 'mentioned', 'mentiond', 'labelled', 'labeled', 'compared', 'came up with', 'came out with', 'come out with', 'coined', 'first said', 'issued', 'put out', 'released', 'quoted saying', 'quoted as saying', 'is quoted saying', 'talked up', 'played down', 'hailed'];
/**
 * "who said peace through strength?", "who accused putin of …", "who's the one saying …": the speaker of the words
 * after the verb (group 1). The verbs are copy's reporting verbs (src/text/words/speechVerbs.ts) in every form.
 */
export const WHO_SAID = new RegExp(
  String.raw`^\s*who(?:['’]s|\s+is|\s+was)?(?:\s+it)?(?:\s+the\s+(?:one|person|guy|man|woman|official))?(?:\s+(?:that|who))?\s+(?:${[
    ...new Set([...SPEECH_VERBS.filter((v) => v.reports !== undefined || v.asked).flatMap((v) => [v.third, v.past, v.ing]), ...WHO_SAID_EXTRA]),
  ]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/ /g, '\\s+'))
    .join('|')})\b\s*(.*)$`,
  'i',
);

/**
 * Other ways of asking whose words these are: "whose quote is 'as strong as anyone has ever seen'", "which leader said
 * …", "who was talking about 'real backstops'", "who talked about needing 'real backstops'" (only with the words in quotation marks: without them it asks about a
 * topic). The words are group 1.
 */
export const WHOSE_WORDS: readonly RegExp[] = [
  /^\s*whose\s+(?:quote|words?|line|phrase|comment|remark|claim)s?\s+(?:is|was|are|were|it)\s+(.+)$/i,
  /^\s*(?:which|what)\s+(?:person|official|leader|politician|one|guy|man|woman|speaker)(?:\s+of\s+(?:them|those|these|the\s+\w+))?\s+(?:said|says|was\s+saying|called\s+it|stated|claimed|declared|insisted|warned|remarked|argued|added|promised|announced)\s+(.+)$/i,
  /^\s*who(?:['’]s|\s+is|\s+was)?\s+(?:talking|talked|speaking|spoke)\s+(?:about|of)\s+(?:[\w-]+\s+){0,3}?(["“'‘].+)$/i,
  // "To whom should I attribute the line 'This only hardens our resolve'?", "who do I attribute '…' to?"
  // The words first, then the question: "'huge step' — who?", "peace through strength - whose line?", "'real backstops': who said that?"
  /^\s*(.+?)\s*(?:[—–:]|\s-)\s*(?:who|whose(?:\s+(?:quote|words?|line|phrase|comment|remark|claim))?)(?:\s+(?:said|says|is|was))?(?:\s+(?:it|that|this))?\s*[?!.]*\s*$/i,
  // Quoted words, then who: 'the "strongest ever" comment, who made it?', 'i keep seeing "very very big milestone" quoted, who said it',
  // "'peace through strength' who said".
  /^[^"“‘']*(["“‘'][^"”’']{3,}["”’'])[^?]*?\bwho(?:['’]s|\s+(?:was|is))?\s+(?:(?:said|say|says|made|wrote|coined|came\s+up\s+with)(?:\s+(?:it|that|this))?|(?:it|that|this)(?:\s+was)?)\s*[?!.]*\s*$/i,
  /^\s*(?:to\s+whom|who)\s+(?:should|do|can|would|must)\s+(?:i|we|you)\s+attribute\s+(?:the\s+(?:line|quote|words|phrase|comment|remark|claim)\s+)?(.+?)(?:\s+to)?\s*[?!.]*\s*$/i,
];

/**
 * Questions about the articles themselves, answered from their details (headline, date, link, author): "who wrote the
 * independent article", "when was the lbc piece published", "link to the daily mail article". A detail word, and an
 * article word or an outlet's name; no other word but these and the topic's name.
 */
export const ARTICLE_DETAIL_WORDS = [
  'headline', 'headlines', 'title', 'titles', 'link', 'links', 'url', 'urls', 'published', 'publish', 'publication', 'posted', 'date', 'dated', 'dates',
  'author', 'authors', 'wrote', 'written', 'writer', 'writers', 'write', 'byline', 'bylines', 'journalist', 'journalists', 'reporter', 'reporters',
];
export const ARTICLE_NOUNS = ['article', 'articles', 'piece', 'pieces', 'story', 'stories', 'report', 'reports', 'coverage', 'headline', 'headlines', 'source', 'sources'];

/**
 * Words a question about an outlet's coverage as a whole may carry besides the outlet's name ("what did lbc report",
 * "anything from a news?", "daily mail's take"): none of them names what the coverage is about.
 */
export const OUTLET_OVERVIEW_WORDS = [
  'say', 'said', 'says', 'saying', 'report', 'reported', 'reports', 'reporting', 'cover', 'covered', 'covering', 'coverage', 'write', 'wrote',
  'written', 'writing', 'article', 'articles', 'story', 'stories', 'piece', 'pieces', 'news', 'anything', 'something', 'stuff', 'run', 'ran',
  'publish', 'published', 'tell', 'told', 'have', 'got', 'headline', 'headlines', 'main', 'point', 'points', 'summary', 'summarise', 'summarize',
  'gist', 'take', 'version', 'angle', 'line', 'about', 'whole', 'overall', 'basically', 'quickly', 'short', 'give', 'show', 'rundown', 'recap',
];

/** "did A News mention the minsk agreements": whether an outlet covers a named topic at all (the topic is group 1). */
export const MENTIONS_TOPIC = /\b(?:did|does|do|has|have)\b.+?\b(?:mention(?:ed)?|cover(?:ed)?|report(?:ed)? on|talk(?:ed)? about|say anything about|bring up|brought up|write about|wrote about|refer(?:red)? to)\s+(.+?)[?.!]*$/i;

/**
 * Role nouns too general to say that nobody the coverage quotes holds the office ("the british leader" is
 * the prime minister): a question naming only these is searched, not refused.
 */
export const GENERAL_ROLES = ['leader', 'leaders', 'head', 'boss', 'chief', 'official', 'officials', 'government', 'aide', 'adviser', 'advisor', 'spokesman', 'spokeswoman', 'spokesperson', 'representative', 'guy', 'man', 'woman'];

/** People an asker tells what they heard from or live beside ("my cousin lives in Kharkiv and says …"): what they say is context, not the question. */
export const ASKERS_PEOPLE = [
  'friend', 'friends', 'mate', 'mates', 'cousin', 'brother', 'sister', 'mum', 'mom', 'mother', 'dad', 'father', 'uncle', 'aunt', 'gran', 'grandma',
  'grandad', 'grandpa', 'grandmother', 'grandfather', 'wife', 'husband', 'partner', 'girlfriend', 'boyfriend', 'son', 'daughter', 'family',
  'teacher', 'professor', 'lecturer', 'colleague', 'colleagues', 'boss', 'neighbour', 'neighbor', 'flatmate', 'roommate', 'coworker',
];

/**
 * What an asker does as they ask, opening a clause about themselves ("Watching from Toronto: …", "Reading this on the
 * Tube, …"): the places in such a clause are where the asker is, not what the question is about.
 */
export const ASKER_ACTIVITIES = [
  'watching', 'reading', 'asking', 'writing', 'posting', 'following', 'listening', 'sitting', 'living', 'studying', 'checking',
  'double-checking', 'working', 'commenting', 'scrolling', 'catching', 'revising', 'researching', 'travelling', 'traveling', 'visiting',
];

/** First-person words: a clause with one is about the asker. */
export const ASKER_WORDS = ['i', "i'm", 'im', "i've", 'ive', "i'd", "i'll", 'me', 'my', 'mine', 'myself', 'we', "we're", "we've", 'our', 'ours'];

/** Verbs that ask when they open a clause ("tell me …", "give me …"). */
export const REQUEST_VERBS = ['tell', 'give', 'show', 'explain', 'list', 'summarise', 'summarize', 'describe', 'find', 'quote', 'remind', 'compare', 'help'];

/** Social platforms where an asker saw something ("quoting it on Twitter"): after "on", where, not what is asked. Data only. */
export const PLATFORMS = ['twitter', 'x', 'tiktok', 'facebook', 'instagram', 'youtube', 'reddit', 'telegram', 'whatsapp', 'threads', 'bluesky', 'discord', 'snapchat', 'linkedin', 'mastodon'];
