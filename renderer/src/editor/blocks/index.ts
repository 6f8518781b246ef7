export { ArticleBlockNode, $createArticleBlockNode, $isArticleBlockNode, blockClassLabel, setBlockClassLabels } from './ArticleBlockNode.js';
export { $articleBlocks, $blockById, $buildArticle, $caretPlace, $selectPlaces, $syncArticle, type BlockContent, type BlockPlace } from './content.js';
export { BlockKeys, registerBlocks, relabelBlocks, type BlocksOptions, type RefusalReason } from './registerBlocks.js';
export { SYNC_TAG } from './tags.js';
