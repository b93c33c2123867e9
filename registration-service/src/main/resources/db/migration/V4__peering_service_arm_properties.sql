-- The rest of the ARM PeeringService: sku, tags and the provider's primary and backup peering locations, kept
-- as sent on PUT; and the resource id, by which a subscription's Peering Services are listed and paged.
alter table peering_service add column sku_name varchar(64);
alter table peering_service add column tags text;
alter table peering_service add column provider_primary_peering_location varchar(100);
alter table peering_service add column provider_backup_peering_location varchar(100);
alter table peering_service add column resource_id varchar(1024) generated always as (
    '/subscriptions/' || subscription_id || '/resourceGroups/' || resource_group
        || '/providers/Microsoft.Peering/peeringServices/' || name) stored;
create index peering_service_subscription on peering_service (subscription_id, resource_id);
