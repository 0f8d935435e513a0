/**
 * Text mining of what customers write, in Chinese (simplified and traditional) and
 * English: segmentation with word classes, keywords, phrases and named entities per
 * conversation ({@link dev.parley.analytics.internal.mining.TextAnalyzer}), and pure
 * functions over many conversations: associations, hot topics and topic clusters.
 */
package dev.parley.analytics.internal.mining;
