process.stdout.write('mlreport: CLI not built yet\n');
