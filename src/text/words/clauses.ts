/** Words that open a clause of a question after "and" or "but" ("…, and what did Macron say"). Data only. */
export const CLAUSE_OPENERS = ['what', 'whats', "what's", 'how', 'is', 'are', 'was', 'were', 'did', 'do', 'does', 'why', 'who', 'when', 'where', 'which', 'will', 'would', 'can', 'could', 'has', 'have'];

/** Words that join two clauses of a question ("is it a rewrite or does it add anything", "… but what i want to know is …"). */
export const CLAUSE_JOINERS = ['but', 'and', 'or'];
