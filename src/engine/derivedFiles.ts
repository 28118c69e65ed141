/** Files the engine saves with a build (IndexData.derived): the news layer and the search index. */
export const NEWS_FILE = 'news.json';
export const SEARCH_FILE = 'search.json';
