-- Pending sandbox payments as the app would have stored them after create-intent, with their first history row.
-- psql variables: count (how many), first (number of the first gateway reference, pi_bench_<8 digits>).
-- Ids are 'pay_' + 22 URL-safe characters (128 random bits), like the app's. updated_at is now, so the
-- reconciler (which looks at payments unchanged for 10 minutes) leaves them alone during a run.
BEGIN;
INSERT INTO payments (payment_id, customer_name, customer_email, service_type, amount, currency, status, gateway,
                      gateway_reference, metadata, version, created_at, updated_at)
SELECT 'pay_' || translate(rtrim(encode(decode(md5(random()::text || clock_timestamp()::text || g), 'hex'),
                                        'base64'), '='), '+/', '-_'),
       'Bench Customer ' || g,
       'bench+' || g || '@example.com',
       'pon-ftth', 1250, 'USD', 'pending', 'sandbox',
       'pi_bench_' || lpad(g::text, 8, '0'),
       '{}', 0,
       now() - random() * interval '30 days',
       now()
  FROM generate_series(:first, :first + :count - 1) AS g;
INSERT INTO payment_status_history (payment_id, from_status, to_status, source, applied, detail, occurred_at)
SELECT payment_id, NULL, 'pending', 'api', true, 'payment created', created_at
  FROM payments
 WHERE gateway_reference BETWEEN 'pi_bench_' || lpad(:first::text, 8, '0')
                             AND 'pi_bench_' || lpad((:first + :count - 1)::text, 8, '0');
COMMIT;
ANALYZE payments;
ANALYZE payment_status_history;
CHECKPOINT;
