// The remote machine's SSH host key, when known_hosts does not have it yet: who it is and its fingerprint, for
// the user to compare with what the machine's owner says (`ssh-keygen -lf /etc/ssh/ssh_host_*.pub`).
import type { HostKeyQuestion } from '@shared/engine-manager-types';
import { Fact } from '../../components/fact';

export function HostKeyQuestionView({ question }: { question: HostKeyQuestion }) {
  const where = question.port === 22 ? question.host : `[${question.host}]:${question.port}`;
  return (
    <section className="host-key-question" aria-labelledby="host-key-question-title">
      <h3 id="host-key-question-title">Trust this host?</h3>
      <p>Berth has not connected to this machine before. Compare the fingerprint with the one its owner gives you.</p>
      <dl className="facts">
        <Fact label="Host">
          <span className="mono">{where}</span>
        </Fact>
        <Fact label="Key type">
          <span className="mono">{question.keyType}</span>
        </Fact>
        <Fact label="Fingerprint">
          <span className="mono host-key-fingerprint">{question.fingerprint}</span>
        </Fact>
      </dl>
      <p className="field-description">Trust adds the key to ~/.ssh/known_hosts, as ssh does when you answer yes.</p>
    </section>
  );
}

/** known_hosts holds another key for this host: shown as a warning that nothing can click past. */
export function HostKeyMismatch({ message }: { message: string }) {
  return (
    <div role="alert" className="alert alert-error dialog-alert host-key-mismatch">
      <div className="alert-text">
        <strong className="alert-title">Warning: the remote host key has changed</strong>
        <span className="alert-message">{message}</span>
        <span>
          Someone could be intercepting the connection, or the machine was reinstalled. Berth will not connect. If you
          know the key changed, remove the old one with <code>ssh-keygen -R host</code> and try again.
        </span>
      </div>
    </div>
  );
}
