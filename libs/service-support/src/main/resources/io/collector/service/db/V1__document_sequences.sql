-- Gap-free document numbers per tenant and series (e.g. OFF-2026): the row lock held until commit
-- serializes concurrent issuers, and a rolled-back transaction gives its number back.
create table document_sequences (
    tenant_id  text   not null,
    series     text   not null,
    last_value bigint not null,
    primary key (tenant_id, series)
);
