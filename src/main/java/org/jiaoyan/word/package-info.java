/**
 * Business-free Word building blocks: a document in official style (GB/T 9704 page, fonts, line pitch, page numbers,
 * tables) and the writing of a rich-text body (HTML from the editor) into it. Modules build their exports on it.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.word;
