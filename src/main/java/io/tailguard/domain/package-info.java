/**
 * Value records shared by every part: contracts, money, quotes, option chains, orders, fills, positions. Entry point: {@link io.tailguard.domain.Contract}.
 */
package io.tailguard.domain;
