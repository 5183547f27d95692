/** Gap-free document numbers per tenant (OFF-2026-001). */
package io.collector.service.numbering;
