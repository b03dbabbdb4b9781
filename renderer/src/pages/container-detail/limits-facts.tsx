// The limits the engine's list and the live stats do not carry (shares, cores, reservation, restart policy),
// as facts for the Info tab, from limits:get: after a change they show what the engine now enforces.
import { Fact } from '../../components/fact';
import { useChannelQuery } from '../../data/channel-query';
import { describeValue } from '../../limits/limit-descriptions';

export function LimitsFacts({ id }: { id: string }) {
  const query = useChannelQuery('limits:get', { id });
  const limits = query.data?.limits;
  const show = (text: string | undefined) => text ?? (query.error ? `unknown: ${query.error.message}` : '…');
  return (
    <>
      <Fact label="CPU shares">{show(limits && describeValue('cpuShares', limits.cpuShares))}</Fact>
      <Fact label="CPU cores">{show(limits && describeValue('cpusetCpus', limits.cpusetCpus))}</Fact>
      <Fact label="Memory reservation">
        {show(
          limits &&
            (limits.memoryReservationBytes === null
              ? 'none'
              : describeValue('memoryReservationBytes', limits.memoryReservationBytes)),
        )}
      </Fact>
      <Fact label="Restart policy">{show(limits && describeValue('restartPolicy', limits.restartPolicy))}</Fact>
    </>
  );
}
