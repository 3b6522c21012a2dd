/**
 * Server-sent event streams per topic ({@code SseChannels}): the roster, live lessons and notices push through it,
 * with keep-alive comments that find closed clients. A support package: it uses no feature.
 */
package cn.imtp.lms.eventstream;
