/** REST API of products. */
package io.collector.inventory.product.web;
