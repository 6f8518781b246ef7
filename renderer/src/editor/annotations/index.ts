export {
  AnnotationHighlights,
  ACTIVE_ANNOTATION_HIGHLIGHT,
  annotationHighlightName,
  type AnnotationLayer,
  type HighlightAnnotation,
} from './AnnotationHighlights.js';
