/** Problem details for every error, and correlation ids from request to events. */
package io.collector.service.web;
