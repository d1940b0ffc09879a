const { Server } = require("socket.io");

const io = new Server(3000, { maxHttpBufferSize: 1e6, pingInterval: 20000 });

io.on("connection", (socket) => {
  socket.on("chat:message", (message) => {
    io.to(`room:${message.roomId}`).emit("chat:message", message);
  });
});
